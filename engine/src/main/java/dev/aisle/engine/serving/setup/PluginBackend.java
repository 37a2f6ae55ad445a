package dev.aisle.engine.serving.setup;

import dev.aisle.engine.model.LlamaConfig;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A plugin's backend as the schedulers see it: checked once against the model when created, and
 * every failure afterwards rethrown with the backend's and the plugin's names, so that an error in
 * a log or a failed answer says whose code it was.
 */
final class PluginBackend implements Backend {

    private final Backend delegate;
    private final String who;
    private final BackendInfo info;

    private PluginBackend(Backend delegate, String who, BackendInfo info) {
        this.delegate = delegate;
        this.who = who;
        this.info = info;
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
                          int kvBlocks, int blockSize, Supplier<Backend> cpu) {
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
        return new PluginBackend(created, who, info);
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
        StepOutput out;
        try {
            out = delegate.step(batch);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(who + " failed in a step: " + e, e);
        }
        if (out == null) {
            throw new IllegalStateException(who + " returned no step output (null)");
        }
        return out;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            throw new IllegalStateException(who + " failed to close: " + e, e);
        }
    }
}
