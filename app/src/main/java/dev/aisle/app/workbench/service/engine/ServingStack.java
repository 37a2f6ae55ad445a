package dev.aisle.app.workbench.service.engine;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import dev.aisle.engine.serving.scheduler.ServingEngine;
import dev.aisle.engine.serving.scheduler.StaticBatchScheduler;
import java.util.List;

/**
 * A model on the CPU backend, and schedulers made on demand over it: what the load generator and
 * the pulse benchmark drive. Owns the model's native memory; {@link #close()} releases it.
 */
public final class ServingStack implements AutoCloseable {

    public static final List<String> SCHEDULERS = List.of("continuous", "static", "sequential");
    public static final List<String> BACKENDS = List.of("cpu");
    private static final int BLOCK_SIZE = 16;

    private final NDManager manager;
    private final LlamaModel model;
    private final boolean ownsModel;
    private final int endTokenId;

    private ServingStack(NDManager manager, LlamaModel model, boolean ownsModel, int endTokenId) {
        this.manager = manager;
        this.model = model;
        this.ownsModel = ownsModel;
        this.endTokenId = endTokenId;
    }

    /**
     * A stack on freshly initialised weights of the default shape: right for measuring the
     * scheduler and the UI (the cost per step is that of the real model), not for reading answers.
     */
    public static ServingStack randomDefaultShape(long seed) {
        NDManager manager = NDManager.newBaseManager("PyTorch");
        LlamaConfig config = LlamaConfig.defaultShape();
        // No end token: random weights would stop at arbitrary points; requests run to maxTokens.
        return new ServingStack(manager, LlamaModel.random(config, manager, seed), true, -1);
    }

    /** A stack on an already loaded model (not closed by this stack). */
    public static ServingStack on(LlamaModel model, int endTokenId) {
        return new ServingStack(null, model, false, endTokenId);
    }

    public LlamaConfig config() {
        return model.config();
    }

    /** A backend with its own KV pool of {@code blocks} blocks; the caller closes it. */
    public CpuBackend newBackend(int blocks) {
        return new CpuBackend(model, blocks, BLOCK_SIZE);
    }

    /** A scheduler by name over {@code backend}; not started. */
    public ServingEngine newEngine(String scheduler, CpuBackend backend, int maxRunning) {
        SchedulerConfig config = SchedulerConfig.defaults(endTokenId).withMaxRunning(maxRunning);
        return switch (scheduler) {
            case "continuous" -> new ContinuousScheduler(backend, config);
            case "static" -> new StaticBatchScheduler(backend, config);
            case "sequential" -> StaticBatchScheduler.sequential(backend, config);
            default -> throw new IllegalArgumentException("unknown scheduler '" + scheduler + "', expected one of "
                    + SCHEDULERS);
        };
    }

    @Override
    public void close() {
        if (ownsModel) {
            model.close();
            manager.close();
        }
    }
}
