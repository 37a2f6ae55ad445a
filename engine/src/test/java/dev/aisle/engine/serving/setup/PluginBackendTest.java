package dev.aisle.engine.serving.setup;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.model.GenerationDefaults;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.serving.backend.BackendInfo;
import dev.aisle.engine.serving.backend.StepInput;
import dev.aisle.engine.serving.backend.StepOutput;
import dev.aisle.engine.spi.BackendPlugin;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backends from plugins: chosen by name, checked against the model, and named in every failure. */
class PluginBackendTest {

    @TempDir
    static Path tmp;
    static Path modelDir;
    static int vocab;

    @BeforeAll
    static void writeTinyModel() throws Exception {
        Path tokenizerJson = tmp.resolve("tok.json");
        var res = BpeTrainer.forChat(300).addAll(List.of("warm golf gloves for cold mornings", "trail shoes")).train();
        TokenizerJson.write(res, tokenizerJson);
        vocab = res.vocab().size();
        modelDir = tmp.resolve("model");
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             LlamaModel m = LlamaModel.random(new LlamaConfig(16, 32, 2, 2, 1, 8, 1e-5, 10000.0, vocab, 64, false), manager, 1)) {
            new ModelDirectory(modelDir).save(m, tokenizerJson, GenerationDefaults.chat(5, 0), Lineage.of("random", "", 0, ""));
        }
    }

    private static ServingOptions options(String backend) {
        return ServingOptions.defaults().withModelDir(Optional.of(modelDir)).withKv(32, 16).withBackend(backend);
    }

    /** A backend plugin whose backend is made by {@code make} from the request. */
    private static BackendPlugin plugin(String name, Function<BackendPlugin.BackendRequest, Backend> make) {
        return new BackendPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test backend " + name;
            }

            @Override
            public Backend create(BackendRequest request) {
                return make.apply(request);
            }
        };
    }

    /** Wraps the engine's CPU backend, counting steps and reporting its own name. */
    private static class CountingCpu implements Backend {
        final Backend cpu;
        final AtomicInteger steps = new AtomicInteger();

        CountingCpu(Backend cpu) {
            this.cpu = cpu;
        }

        @Override
        public BackendInfo info() {
            BackendInfo i = cpu.info();
            return new BackendInfo("counting-cpu", i.vocabSize(), i.maxContext(), i.blockSize(), i.numBlocks());
        }

        @Override
        public StepOutput step(List<StepInput> batch) {
            steps.incrementAndGet();
            return cpu.step(batch);
        }

        @Override
        public void close() {
            cpu.close();
        }
    }

    private static StepOutput oneStep(ServingStack stack) {
        return stack.backend().step(List.of(new StepInput(1, new int[]{1, 2, 3}, 0, new int[]{0}, true)));
    }

    @Test
    void aPluginBackendIsChosenByNameAndRunsTheModelsSteps() {
        CountingCpu[] made = new CountingCpu[1];
        BackendPlugin counting = plugin("counting-cpu", r -> made[0] = new CountingCpu(r.cpuBackend().get()));
        try (ServingStack stack = ServingStack.open(options("counting-cpu"), List.of(counting))) {
            assertEquals("counting-cpu", stack.backendInfo().name());
            StepOutput out = oneStep(stack);
            assertEquals(vocab, out.logits()[0].length);
            assertEquals(1, made[0].steps.get());
            // The same model on the built-in backend gives the same logits: the plugin really ran the model.
            try (ServingStack cpu = ServingStack.open(options("cpu"), List.of())) {
                float[] expected = oneStep(cpu).logits()[0];
                for (int k = 0; k < vocab; k++) {
                    assertEquals(expected[k], out.logits()[0][k], 1e-4, "logit " + k);
                }
            }
        }
    }

    @Test
    void aBackendOfAPluginFoundByTheRegistryIsSelectable() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader());
             ServingStack stack = ServingStack.open(options("working-cpu"), registry.backends())) {
            assertEquals(vocab, oneStep(stack).logits()[0].length);
            assertTrue(BackendChoice.names(registry.backends()).contains("working-cpu"));
        }
    }

    @Test
    void anUnknownOrMalformedNameSaysWhatIsOffered() {
        BackendPlugin counting = plugin("counting-cpu", r -> new CountingCpu(r.cpuBackend().get()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServingStack.open(options("tpu"), List.of(counting)));
        assertTrue(e.getMessage().contains("unknown backend \"tpu\"") && e.getMessage().contains("plugins offer counting-cpu"),
                e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> options("GPU!"));
        assertTrue(bad.getMessage().contains("\"GPU!\""), bad.getMessage());
        // A plugin cannot take a built-in name.
        assertEquals(List.of("cpu", "neuron", "neuron-profile"),
                BackendChoice.names(List.of(plugin("cpu", r -> null), plugin("remote", r -> null))));
    }

    @Test
    void aFailingPluginBackendGivesAMessageNamingThePlugin() {
        BackendPlugin throwing = plugin("broken", r -> {
            throw new IllegalStateException("no accelerator attached");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServingStack.open(options("broken"), List.of(throwing)));
        assertTrue(e.getMessage().contains("backend \"broken\" of plugin " + throwing.getClass().getName())
                && e.getMessage().contains("failed to start") && e.getMessage().contains("no accelerator attached"), e.getMessage());

        BackendPlugin nothing = plugin("nothing", r -> null);
        e = assertThrows(IllegalStateException.class, () -> ServingStack.open(options("nothing"), List.of(nothing)));
        assertTrue(e.getMessage().contains("backend \"nothing\"") && e.getMessage().contains("returned no backend"), e.getMessage());

        BackendPlugin wrongShape = plugin("wrong-vocab", r -> new CountingCpu(r.cpuBackend().get()) {
            @Override
            public BackendInfo info() {
                return new BackendInfo("wrong-vocab", 7, 64, 16, 32);
            }
        });
        e = assertThrows(IllegalStateException.class, () -> ServingStack.open(options("wrong-vocab"), List.of(wrongShape)));
        assertTrue(e.getMessage().contains("does not fit the model") && e.getMessage().contains("7 entries"), e.getMessage());

        BackendPlugin failsInStep = plugin("flaky", r -> new CountingCpu(r.cpuBackend().get()) {
            @Override
            public StepOutput step(List<StepInput> batch) {
                throw new UnsupportedOperationException("kernel missing");
            }
        });
        try (ServingStack stack = ServingStack.open(options("flaky"), List.of(failsInStep))) {
            e = assertThrows(IllegalStateException.class, () -> oneStep(stack));
            assertTrue(e.getMessage().contains("backend \"flaky\"") && e.getMessage().contains("failed in a step")
                    && e.getMessage().contains("kernel missing"), e.getMessage());
        }
    }

    @Test
    void aPluginBackendThatHangsWhileStartingIsCutOff() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        BackendPlugin hanging = plugin("stuck", r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        System.setProperty("aisle.backend.startSeconds", "1");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ServingStack.open(options("stuck"), List.of(hanging)));
            assertTrue(e.getMessage().contains("backend \"stuck\"") && e.getMessage().contains("did not start within 1 s"),
                    e.getMessage());
        } finally {
            System.clearProperty("aisle.backend.startSeconds");
            never.countDown();
        }
    }

    @Test
    void aStepThatHangsCutsTheBackendOffInsteadOfTheSchedulerThread() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        BackendPlugin hangsInStep = plugin("stalls", r -> new CountingCpu(r.cpuBackend().get()) {
            @Override
            public StepOutput step(List<StepInput> batch) {
                if (calls.incrementAndGet() == 2) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.step(batch);
            }
        });
        System.setProperty("aisle.backend.stepSeconds", "1");
        try (ServingStack stack = ServingStack.open(options("stalls"), List.of(hangsInStep))) {
            assertEquals(vocab, oneStep(stack).logits()[0].length, "a step within the budget runs as usual");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> oneStep(stack));
            assertTrue(e.getMessage().contains("backend \"stalls\"") && e.getMessage().contains("longer than 1 s")
                    && e.getMessage().contains("cut off"), e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> oneStep(stack));
            assertTrue(e.getMessage().contains("cut off"), "later steps fail at once: " + e.getMessage());
            assertEquals(2, calls.get(), "a cut-off backend is not called again");
        } finally {
            System.clearProperty("aisle.backend.stepSeconds");
            never.countDown();
        }
    }

    @Test
    void garbageLogitsAreAnErrorNamingThePlugin() {
        BackendPlugin shortRows = plugin("short-rows", r -> new CountingCpu(r.cpuBackend().get()) {
            @Override
            public StepOutput step(List<StepInput> batch) {
                return new StepOutput(new float[][]{new float[3]}, 0);
            }
        });
        BackendPlugin nan = plugin("nan", r -> new CountingCpu(r.cpuBackend().get()) {
            @Override
            public StepOutput step(List<StepInput> batch) {
                float[] row = super.step(batch).logits()[0];
                row[1] = Float.NaN;
                return new StepOutput(new float[][]{row}, 0);
            }
        });
        try (ServingStack stack = ServingStack.open(options("short-rows"), List.of(shortRows))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> oneStep(stack));
            assertTrue(e.getMessage().contains("backend \"short-rows\"") && e.getMessage().contains("3 logits for row 0"),
                    e.getMessage());
        }
        try (ServingStack stack = ServingStack.open(options("nan"), List.of(nan))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> oneStep(stack));
            assertTrue(e.getMessage().contains("NaN logits"), e.getMessage());
        }
    }

    @Test
    void theAssistantRefusesABackendNothingOffersBeforeLoadingAnything(@TempDir Path home) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AssistantRuntime.open(
                new AisleHome(home), List.of(), "tpu", new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("unknown backend \"tpu\"") && e.getMessage().contains("plugins offer working-cpu"),
                e.getMessage());
    }
}
