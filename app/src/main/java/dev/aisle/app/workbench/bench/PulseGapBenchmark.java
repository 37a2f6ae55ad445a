package dev.aisle.app.workbench.bench;

import dev.aisle.app.workbench.chat.AnswerArea;
import dev.aisle.app.workbench.chat.AnswerViewModel;
import dev.aisle.app.workbench.chat.ElementNodes;
import dev.aisle.app.workbench.common.FxDispatcher;
import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.theme.Theme;
import dev.aisle.engine.serving.bench.BenchPrompt;
import dev.aisle.engine.serving.bench.EvidencePromptSource;
import dev.aisle.engine.serving.setup.ServingOptions;
import dev.aisle.engine.serving.setup.ServingStack;
import dev.aisle.engine.tokenizer.StreamDecoder;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.RequestHandle;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * How responsive the window stays while N answers stream at once: opens N answer documents (the
 * chat's RichTextFX area with embedded citation nodes), streams N real generations through the
 * continuous scheduler on the engine's serving stack (the model under AISLE_HOME if given, else the
 * default shape with random weights — the cost per step is the real one), and records the time between consecutive FX pulses with an AnimationTimer.
 * Prints the longest gap and percentiles; a gap well above 16.7 ms is a visible stall.
 *
 * <p>Run (needs a display, e.g. under xvfb-run):
 * {@code java -cp app/target/classes:$(cat app/target/classpath.txt) dev.aisle.app.workbench.bench.PulseGapBenchmark [streams] [tokens]}
 */
public final class PulseGapBenchmark {

    private PulseGapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        if (streams <= 0 || tokens <= 0) {
            throw new IllegalArgumentException("streams and tokens must be > 0, got " + streams + " and " + tokens);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        FxDispatcher ui = new FxDispatcher();
        AssistantConfig config = new AssistantConfig("bench", "random-default-shape", "cpu", 0, 1, tokens, 0, "none");
        List<AnswerViewModel> answers = new ArrayList<>();
        List<Long> pulses = new ArrayList<>(100_000);
        AtomicLong firstTokenAt = new AtomicLong();
        CountDownLatch shown = new CountDownLatch(1);
        AnimationTimer[] timer = new AnimationTimer[1];
        Platform.runLater(() -> {
            Theme.applyUserAgent(false);
            GridPane grid = new GridPane();
            int cols = (int) Math.ceil(Math.sqrt(streams * 1.6));
            Inspection inspection = new Inspection();
            ElementNodes elements = new ElementNodes((a, ref) -> { }, target -> { }, inspection);
            for (int i = 0; i < streams; i++) {
                AnswerViewModel vm = new AnswerViewModel("stream " + i, config, ui);
                answers.add(vm);
                AnswerArea area = new AnswerArea(elements, a -> new Region());
                area.follow(vm);
                VirtualizedScrollPane<AnswerArea> pane = new VirtualizedScrollPane<>(area);
                GridPane.setHgrow(pane, Priority.ALWAYS);
                GridPane.setVgrow(pane, Priority.ALWAYS);
                grid.add(pane, i % cols, i / cols);
            }
            Stage stage = new Stage();
            Scene scene = new Scene(grid, 1440, 880);
            Theme.style(scene);
            stage.setScene(scene);
            stage.setTitle("Pulse gap benchmark — " + streams + " streams");
            stage.show();
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(System.nanoTime());
                }
            };
            timer[0].start();
            shown.countDown();
        });
        shown.await();
        Thread.sleep(1000);

        ServingOptions options = ServingOptions.defaults().withLimits(streams, 256, 1024);
        try (ServingStack stack = ServingStack.open(options);
             ServingEngine engine = stack.newScheduler("continuous")) {
            // Warm-up request so native library loading is not counted as a UI stall.
            RequestHandle warmup = engine.submit(GenerationRequest.greedy("warmup", new int[] {5, 6, 7}, 4));
            engine.runUntilIdle();
            warmup.result().get(10, TimeUnit.SECONDS);
            engine.start();
            EvidencePromptSource prompts = new EvidencePromptSource(stack.tokenizer(), 11);
            long t0 = System.nanoTime();
            int[] pulseStart = new int[1];
            CountDownLatch mark = new CountDownLatch(1);
            Platform.runLater(() -> {
                pulseStart[0] = pulses.size();
                mark.countDown();
            });
            mark.await();
            List<CompletableFuture<?>> done = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                AnswerViewModel vm = answers.get(i);
                BenchPrompt p = prompts.prompt(i);
                AnswerTrace trace = new AnswerTrace("bench-" + i, vm.question());
                StreamDecoder decoder = stack.tokenizer().streamDecoder();
                RequestHandle h = engine.submit(GenerationRequest.greedy(p.id(), p.tokens(), tokens),
                        (id, index, nanos) -> {
                            firstTokenAt.compareAndSet(0, nanos);
                            vm.accept(new AnswerEvent.Token(id, nanos - t0));
                            vm.accept(new AnswerEvent.Text(decoder.accept(id)));
                            // Every 40th token a citation node, as real answers embed elements.
                            if (index % 40 == 39) {
                                vm.accept(new AnswerEvent.Cite("E" + (index / 40 + 1)));
                            }
                        });
                done.add(h.result().thenAccept(r -> vm.accept(new AnswerEvent.Finished(trace))));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
            long t1 = System.nanoTime();
            Thread.sleep(300);
            CountDownLatch stopped = new CountDownLatch(1);
            long[][] gaps = new long[1][];
            int[] totalTokens = new int[1];
            Platform.runLater(() -> {
                timer[0].stop();
                List<Long> window = pulses.subList(pulseStart[0], pulses.size());
                gaps[0] = new long[Math.max(0, window.size() - 1)];
                for (int i = 1; i < window.size(); i++) {
                    gaps[0][i - 1] = window.get(i) - window.get(i - 1);
                }
                totalTokens[0] = answers.stream().mapToInt(a -> a.tokens().get()).sum();
                stopped.countDown();
            });
            stopped.await();
            long[] g = gaps[0].clone();
            Arrays.sort(g);
            double seconds = (t1 - t0) / 1e9;
            // The machine's load says whether a long gap is ours or the OS starving the FX thread.
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "streams=%d tokens_per_stream=%d tokens_shown=%d wall_s=%.1f "
                            + "tokens_per_s=%.0f pulses=%d pulse_gap_ms p50=%.1f p99=%.1f max=%.1f "
                            + "load_average=%.1f cores=%d%n",
                    streams, tokens, totalTokens[0], seconds, totalTokens[0] / seconds, g.length + 1,
                    pct(g, 0.50), pct(g, 0.99), g.length == 0 ? Double.NaN : g[g.length - 1] / 1e6, load,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
