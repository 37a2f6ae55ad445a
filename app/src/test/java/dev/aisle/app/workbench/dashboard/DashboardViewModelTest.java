package dev.aisle.app.workbench.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.LoadGenerator;
import dev.aisle.app.workbench.service.MetricsSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import dev.aisle.app.workbench.support.RecordingLoad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final List<String> errors = new ArrayList<>();
    private int polls;
    private final MetricsSource metrics = new MetricsSource() {
        @Override
        public Snapshot snapshot() {
            polls++;
            return new Snapshot(polls * 250L, new Percentiles(10, 20, 30), Percentiles.EMPTY, 100, 2, polls, 4, 0.5,
                    8, 0, "continuous", List.of());
        }

        @Override
        public Path exportTrace(Path directory) {
            return directory.resolve("t.json");
        }
    };
    private final RecordingLoad load = new RecordingLoad();
    private final List<LoadGenerator.Settings> started = load.started;
    private final DashboardViewModel vm = new DashboardViewModel(metrics, load, Runnable::run, ticker,
            UiDispatcher.direct(), (w, m) -> errors.add(w + ": " + m));

    @AfterEach
    void stop() {
        ticker.shutdownNow();
    }

    @Test
    void pollsKeepASlidingWindow() {
        for (int i = 0; i < DashboardViewModel.WINDOW + 10; i++) {
            vm.poll();
        }
        assertEquals(DashboardViewModel.WINDOW, vm.history().size());
        assertEquals(DashboardViewModel.WINDOW + 10, vm.latest().get().queueDepth());
    }

    @Test
    void loadGeneratorRunsWithTheChosenSettingsAndReportsItsSummary() {
        vm.rate().set(8);
        vm.duration().set(5);
        vm.scheduler().set("static");
        vm.startLoad();
        assertEquals(DashboardViewModel.State.LOADING, vm.state().get());
        assertEquals(new LoadGenerator.Settings(8, 5, "static", "cpu"), started.get(0));
        vm.startLoad();
        assertEquals(1, started.size(), "one run at a time");
        load.finish("static on cpu: 40 requests");
        assertEquals(DashboardViewModel.State.IDLE, vm.state().get());
        assertEquals("static on cpu: 40 requests", vm.notice().get());
    }

    @Test
    void badRateIsExplainedNotStarted() {
        vm.rate().set(0);
        vm.startLoad();
        assertTrue(started.isEmpty());
        assertEquals("rate must be > 0 requests/s, got 0.0", vm.notice().get());
    }
}
