package dev.aisle.engine.serving.setup;

import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.plugins.PluginIncidents;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.spi.BackendPlugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A plugin's backend as the schedulers see it: checked once against the model when created, every
 * step run under a time budget and its output checked, and every failure rethrown with the backend's
 * and the plugin's names, so that an error in a log or a failed answer says whose code it was.
 *
 * <p>A step that overruns its budget cuts the backend off: the scheduler fails that step's requests
 * and every later step fails at once with the same reason, instead of the scheduler thread hanging
 * with the plugin. The hung call cannot be interrupted safely (it may be inside native code); its
 * thread is left to finish, and the plugin's backend is closed on that thread if it ever does.
 */
final class PluginBackend implements Backend {

    private final Backend delegate;
    private final String who;
    private final BackendInfo info;
    private final Duration stepBudget;
    private final ExecutorService stepThread;
    private final Consumer<String> incidents;
    private volatile String cutOff;

    private PluginBackend(Backend delegate, String who, BackendInfo info, Duration stepBudget, Consumer<String> incidents) {
        this.incidents = incidents;
        this.delegate = delegate;
        this.who = who;
        this.info = info;
        this.stepBudget = stepBudget;
        this.stepThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aisle-backend-step-" + info.name());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * How long one step of a plugin's backend may take (a first step may compile or warm up);
     * {@code -Daisle.backend.stepSeconds=N} changes it.
     */
    static Duration stepBudget() {
        return Duration.ofSeconds(Long.getLong("aisle.backend.stepSeconds", 120));
    }

    /**
     * How long a plugin may take to start its backend (compiling graphs for an accelerator can take
     * minutes); {@code -Daisle.backend.startSeconds=N} changes it.
     */
    static Duration startBudget() {
        return Duration.ofSeconds(Long.getLong("aisle.backend.startSeconds", 300));
    }

    /** Asks {@code plugin} for its backend, within {@link #startBudget()}, and checks what it returns. */
    static Backend create(BackendPlugin plugin, Optional<java.nio.file.Path> modelDir, LlamaConfig config,
                          int kvBlocks, int blockSize, Supplier<Backend> cpu, PluginIncidents incidents) {
        String who = "backend \"" + plugin.name() + "\" of plugin " + plugin.getClass().getName();
        Backend created = start(plugin, new BackendPlugin.BackendRequest(modelDir, config, kvBlocks, blockSize, cpu), who,
                startBudget());
        if (created == null) {
            throw new IllegalStateException(who + " returned no backend (null)");
        }
        BackendInfo info;
        try {
            info = created.info();
        } catch (RuntimeException | LinkageError e) {
            created.close();
            throw new IllegalStateException(who + " failed in info(): " + e, e);
        }
        String problem = info == null ? "info() returned null"
                : info.vocabSize() != config.vocabSize() ? "its logits have " + info.vocabSize() + " entries, the model's vocabulary "
                + config.vocabSize()
                : info.blockSize() != blockSize ? "its KV blocks hold " + info.blockSize() + " tokens, the stack asked for " + blockSize
                : info.numBlocks() <= 0 || info.maxContext() <= 0 ? "its KV pool is empty (" + info + ")"
                : null;
        if (problem != null) {
            created.close();
            throw new IllegalStateException(who + " does not fit the model: " + problem);
        }
        return new PluginBackend(created, who, info, stepBudget(),
                detail -> incidents.record(PluginIncidents.Kind.BACKEND, plugin.name(), detail));
    }

    /**
     * Runs the plugin's {@code create} on its own thread so that one that hangs is cut off: the
     * stack fails with a message naming it, and a backend it returns later is closed.
     */
    private static Backend start(BackendPlugin plugin, BackendPlugin.BackendRequest request, String who, Duration budget) {
        CompletableFuture<Backend> starting = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                starting.complete(plugin.create(request));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "aisle-backend-start-" + plugin.name());
        t.setDaemon(true);
        t.start();
        try {
            return starting.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            starting.thenAccept(late -> {
                if (late != null) {
                    late.close();
                }
            });
            throw new IllegalStateException(who + " did not start within " + budget.toSeconds() + " s; cut off");
        } catch (ExecutionException e) {
            throw new IllegalStateException(who + " failed to start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(who + " was interrupted while starting", e);
        }
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public StepOutput step(List<StepInput> batch) {
        String reason = cutOff;
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        Future<StepOutput> running = stepThread.submit(() -> delegate.step(batch));
        StepOutput out;
        try {
            out = running.get(stepBudget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cutOff = who + " took longer than " + stepBudget.toSeconds() + " s for one step; cut off";
            throw failure(cutOff, null);
        } catch (ExecutionException e) {
            throw failure(who + " failed in a step: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(who + " step interrupted", e);
        }
        String problem = problem(batch, out);
        if (problem != null) {
            throw failure(who + " " + problem, null);
        }
        return out;
    }

    /** The exception the scheduler gets (it fails the step's requests); the plugin's incident count goes up. */
    private IllegalStateException failure(String message, Throwable cause) {
        incidents.accept(message);
        return new IllegalStateException(message, cause);
    }

    /** What is wrong with a step's output for this batch, or null: the scheduler must get one row of logits per request that wants it. */
    private String problem(List<StepInput> batch, StepOutput out) {
        if (out == null) {
            return "returned no step output (null)";
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).wantLogits()) {
                continue;
            }
            float[] row = out.logits() == null || i >= out.logits().length ? null : out.logits()[i];
            if (row == null || row.length != info.vocabSize()) {
                return "returned " + (row == null ? "no logits" : row.length + " logits") + " for row " + i + " of the step, the model's vocabulary has "
                        + info.vocabSize();
            }
            for (float v : row) {
                if (Float.isNaN(v)) {
                    return "returned NaN logits for row " + i + " of the step";
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        // Queued behind a hung step, the close runs only if that step returns; otherwise at once.
        Future<?> closing = stepThread.submit(delegate::close);
        stepThread.shutdown();
        if (cutOff != null) {
            return;
        }
        try {
            closing.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(who + " failed to close: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
