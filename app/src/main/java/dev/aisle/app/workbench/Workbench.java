package dev.aisle.app.workbench;

import dev.aisle.app.workbench.annotate.AnnotateView;
import dev.aisle.app.workbench.annotate.AnnotateViewModel;
import dev.aisle.app.workbench.chat.ChatView;
import dev.aisle.app.workbench.chat.ChatViewModel;
import dev.aisle.app.workbench.common.FxDispatcher;
import dev.aisle.app.workbench.compare.CompareView;
import dev.aisle.app.workbench.compare.CompareViewModel;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.dashboard.DashboardView;
import dev.aisle.app.workbench.dashboard.DashboardViewModel;
import dev.aisle.app.workbench.evaluations.EvaluationsView;
import dev.aisle.app.workbench.evaluations.EvaluationsViewModel;
import dev.aisle.app.workbench.help.ShortcutRegistry;
import dev.aisle.app.workbench.settings.SettingsView;
import dev.aisle.app.workbench.training.TrainingView;
import dev.aisle.app.workbench.training.TrainingViewModel;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.List;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.app.workbench.inspector.InspectorView;
import dev.aisle.app.workbench.inspector.InspectorViewModel;
import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.Services;
import dev.aisle.app.workbench.shell.Section;
import dev.aisle.app.workbench.shell.ShellView;
import dev.aisle.app.workbench.shell.ShellViewModel;
import dev.aisle.app.workbench.shell.StartupView;
import dev.aisle.app.workbench.shell.StartupViewModel;
import dev.aisle.app.workbench.theme.Theme;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;

/**
 * The composition root: builds the shell, prepares the engine in the background, then creates
 * each view with its ViewModel, the engine services, the shared executors and the FX dispatcher.
 * {@link #close()} releases the engine and the executors in one place.
 */
public final class Workbench implements AutoCloseable {

    private final UiDispatcher ui = new FxDispatcher();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, daemon("aisle-ui-work"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("aisle-ui-tick"));
    private final ShortcutRegistry shortcuts = new ShortcutRegistry();
    private final ShellViewModel shellVm = new ShellViewModel(ui);
    private final ShellView shell = new ShellView(shellVm, shortcuts);
    private final Inspection inspection = new Inspection();
    private final AtomicReference<Services> services = new AtomicReference<>();
    private final Scene scene;

    public Workbench(EngineStartup startup, double width, double height) {
        scene = new Scene(shell, width, height);
        Theme.style(scene);
        shortcuts.install(scene);
        StartupViewModel startupVm = new StartupViewModel(startup, executor, ui);
        shell.showStartup(new StartupView(startupVm));
        startupVm.start(this::ready, shellVm::engineFailed);
    }

    private void ready(Services ready) {
        services.set(ready);
        shellVm.engineReady(ready.description());
        ChatViewModel chat = new ChatViewModel(ready.answers(), ready.feedback(), executor, ui, shellVm, inspection);
        Runnable toInspector = () -> shellVm.section().set(Section.INSPECTOR);
        shell.define(Section.CHAT, () -> new ChatView(chat, shortcuts, ref -> toInspector.run(), inspection));
        shell.define(Section.COMPARE, () -> new CompareView(
                new CompareViewModel(ready.answers(), ready.feedback(), executor, ui, shellVm, inspection),
                shortcuts, inspection, toInspector));
        shell.define(Section.INSPECTOR, () -> new InspectorView(new InspectorViewModel(inspection),
                () -> shellVm.section().set(Section.CHAT)));
        shell.define(Section.ANNOTATE, () -> new AnnotateView(new AnnotateViewModel(ready.annotations(),
                List.copyOf(ready.feedback().reasonTags()), executor, ui, shellVm), shortcuts));
        shell.define(Section.DASHBOARD, () -> new DashboardView(new DashboardViewModel(ready.metrics(),
                ready.loadGenerator(), executor, ticker, ui, shellVm), shortcuts,
                AisleHome.fromEnvironment().runsDir().resolve("traces")));
        shell.define(Section.EVALUATIONS, () -> new EvaluationsView(new EvaluationsViewModel(ready.evaluations(),
                ready.answers().configurations(), executor, ui, shellVm, inspection), shortcuts, toInspector));
        shell.define(Section.TRAINING, () -> new TrainingView(new TrainingViewModel(ready.training(), executor, ui,
                shellVm, config -> {
                    if (!chat.configs().contains(config)) {
                        chat.configs().add(config);
                    }
                    chat.config().set(config);
                    shellVm.section().set(Section.CHAT);
                }), shortcuts));
        shell.define(Section.SETTINGS, () -> new SettingsView(ready.answers().configurations(), ready::plugins,
                ready.description(), AisleHome.fromEnvironment().root().toString()));
        shell.hideStartup();
        // After the window is built, not before: the throwaway answer would compete with building it.
        executor.execute(ready.answers()::warmUp);
        // One line on the console says how long the user waited: the figure of a first run and a warm start.
        System.err.printf(Locale.ROOT, "aisle: workbench ready %.1f s after launch%n",
                (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0);
    }

    public Scene scene() {
        return scene;
    }

    public ShellViewModel shell() {
        return shellVm;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        ticker.shutdownNow();
        Services s = services.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
