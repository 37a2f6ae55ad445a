package dev.aisle.engine.train;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.train.data.ChatBatches;
import dev.aisle.engine.train.data.PackedTextBatches;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.SftExampleBuilder;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.train.loop.LlamaTrainable;
import dev.aisle.engine.train.loop.NextTokenTrainer;
import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.loop.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextTokenTrainerTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static PackedTextBatches pretrainData() {
        return new PackedTextBatches(new PretrainingText(TinyShop.corpus()).training(), TinyShop.encoder(), 4, 32, 7);
    }

    private static double mean(List<StepResult> rs, int from, int to) {
        return rs.subList(from, to).stream().mapToDouble(StepResult::loss).average().orElseThrow();
    }

    /** A tiny Llama (GQA, untied head) on the test shop's character tokens: the model the stages really train. */
    private static LlamaTrainable tinyLlama(NDManager m) {
        return new LlamaTrainable(LlamaModel.random(new LlamaConfig(32, 64, 2, 4, 2, 8, 1e-5, 10000.0, TinyShop.VOCAB, 2048, false),
                m, 1));
    }

    @Test
    void pretrainingLossFalls(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             NextTokenTrainer t = new NextTokenTrainer(tinyLlama(m), "pretrain", RunSettings.of(60, 1e-2, 1), m)) {
            List<StepResult> rs = t.run(pretrainData(), new NextTokenTrainer.Outputs(dir.resolve("ckpt"), dir.resolve("loss.csv"), QUIET));
            assertEquals(60, rs.size());
            assertTrue(mean(rs, 50, 60) < mean(rs, 0, 5) - 1.0, "loss fell from " + mean(rs, 0, 5) + " to " + mean(rs, 50, 60));
            List<String> csv = Files.readAllLines(dir.resolve("loss.csv"));
            assertEquals("step,loss,lr,grad_norm,tokens,tokens_per_s,elapsed_s", csv.get(0));
            assertEquals(61, csv.size());
        }
    }

    @Test
    void sftLossFalls(@TempDir Path dir) throws Exception {
        var examples = new SftExampleBuilder(TinyShop.corpus()).build(40, 3);
        var data = new ChatBatches(examples, TinyShop.encoder(), 4, 2000, 5);
        try (NDManager m = NDManager.newBaseManager();
             NextTokenTrainer t = new NextTokenTrainer(tinyLlama(m), "sft", RunSettings.of(40, 1e-2, 1), m)) {
            List<StepResult> rs = t.run(data, new NextTokenTrainer.Outputs(null, dir.resolve("sft.csv"), QUIET));
            assertTrue(mean(rs, 35, 40) < mean(rs, 0, 3) - 1.0, "loss fell from " + mean(rs, 0, 3) + " to " + mean(rs, 35, 40));
        }
    }

    @Test
    void resumingFromACheckpointRepeatsTheUninterruptedTrajectory(@TempDir Path dir) throws Exception {
        RunSettings settings = RunSettings.of(12, 1e-2, 11);
        double[] uninterrupted;
        try (NDManager m = NDManager.newBaseManager();
             NextTokenTrainer t = new NextTokenTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1), "pretrain", settings, m)) {
            uninterrupted = t.run(pretrainData(), new NextTokenTrainer.Outputs(null, dir.resolve("a.csv"), QUIET))
                    .stream().mapToDouble(StepResult::loss).toArray();
        }
        Path ckpt = dir.resolve("ckpt");
        RunSettings interrupted = settings.withCheckpointEvery(5);
        try (NDManager m = NDManager.newBaseManager();
             NextTokenTrainer t = new NextTokenTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1), "pretrain", interrupted, m)) {
            PackedTextBatches data = pretrainData();
            for (int i = 0; i < 7; i++) {
                t.trainStep(data.batch(t.step())); // "killed" after step 7; the last checkpoint is step 5
                if (t.step() == 5) {
                    t.saveCheckpoint(ckpt);
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager();
             NextTokenTrainer t = new NextTokenTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 99), "pretrain", interrupted, m)) {
            assertEquals(5, t.resumeIfPresent(ckpt));
            List<StepResult> rest = t.run(pretrainData(), new NextTokenTrainer.Outputs(ckpt, dir.resolve("b.csv"), QUIET));
            assertEquals(7, rest.size());
            for (int i = 0; i < rest.size(); i++) {
                assertEquals(uninterrupted[5 + i], rest.get(i).loss(), 1e-6, "loss at step " + (6 + i));
            }
        }
    }
}
