package dev.aisle.engine.spi;

import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.serving.backend.Backend;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A serving backend a plugin adds beside the built-in {@code cpu}, {@code neuron} and
 * {@code neuron-profile}: chosen by {@link #name()} wherever a backend is chosen
 * ({@code aisle bench --backend NAME}, {@code aisle serve --backend NAME --no-rag}, the workbench's
 * load generator). The engine loads the model and tokenizer as for any backend and asks the plugin
 * for the {@link Backend} that runs the model's steps; the plugin may build its own (reading
 * {@code model.safetensors} from {@link BackendRequest#modelDir()}) or wrap the engine's CPU backend.
 *
 * <p>A plugin that throws in {@link #create}, returns null or a backend whose {@code info()} does not
 * fit the model, or fails in a step, gets an error naming the plugin and the backend.
 */
public interface BackendPlugin {

    /** The version of this interface that the engine implements. */
    int API_VERSION = 1;

    /** The interface version the implementation was written against; the engine accepts only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** The name a user selects it by: lower case letters, digits and '-', not a built-in backend's name. */
    String name();

    /** One line saying what it runs on, for listings. */
    String description();

    /**
     * A backend for one model. Called once per serving stack; the engine closes the backend when the
     * stack closes.
     *
     * @throws Exception anything; opening the stack then fails with a message naming this plugin
     */
    Backend create(BackendRequest request) throws Exception;

    /**
     * What the engine knows when it asks for a backend.
     *
     * @param modelDir   the model directory (Hugging Face layout), empty for random weights of the default shape
     * @param config     the model's shape; the backend's logits must have {@code config.vocabSize()} entries
     * @param kvBlocks   KV pool size in blocks the scheduler will hand out
     * @param blockSize  tokens per KV block
     * @param cpuBackend builds the engine's own CPU backend on the loaded weights (for plugins that wrap it);
     *                   what it returns belongs to the plugin's backend, which must close it
     */
    record BackendRequest(Optional<Path> modelDir, LlamaConfig config, int kvBlocks, int blockSize,
                          Supplier<Backend> cpuBackend) {
        public BackendRequest {
            Objects.requireNonNull(modelDir, "modelDir");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(cpuBackend, "cpuBackend");
            if (kvBlocks <= 0 || blockSize <= 0) {
                throw new IllegalArgumentException("kvBlocks and blockSize must be > 0, got " + kvBlocks + ", " + blockSize);
            }
        }
    }
}
