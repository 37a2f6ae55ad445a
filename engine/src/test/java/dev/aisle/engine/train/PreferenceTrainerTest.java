package dev.aisle.engine.train;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.train.loop.RunSettings;
import dev.aisle.engine.train.optim.AdamW;
import dev.aisle.engine.train.preference.LabelledAnswer;
import dev.aisle.engine.train.preference.PreferenceFiles;
import dev.aisle.engine.train.preference.PreferencePair;
import dev.aisle.engine.train.preference.PreferenceSettings;
import dev.aisle.engine.train.preference.PreferenceTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferenceTrainerTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** Shoppers prefer answers that cite and show the product over ones that do not. */
    private static List<PreferencePair> pairs() {
        List<PreferencePair> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(new PreferencePair("How much is item " + i + "?",
                    "It is $" + (10 + i) + ".99 <cite ref=\"E1\"/> <product id=\"B0" + i + "\"/>",
                    "maybe cheap, who knows"));
        }
        return out;
    }

    private static PreferenceSettings settings(int steps) {
        return PreferenceSettings.of(0.1, 4, 400, new RunSettings(steps, 2e-2, 1, 1.0, 1.0,
                new AdamW.Settings(0.9, 0.95, 1e-8, 0.0), 3, 0));
    }

    private static double mean(List<Map<String, Double>> ms, String key, int from, int to) {
        return ms.subList(from, to).stream().mapToDouble(m -> m.get(key)).average().orElseThrow();
    }

    @Test
    void dpoRaisesMarginsAndAccuracy(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager();
             PreferenceTrainer t = new PreferenceTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1),
                     new BigramModel(m, TinyShop.VOCAB, 16, 1), TinyShop.encoder(), settings(30), m)) {
            List<Map<String, Double>> ms = t.trainDpo(pairs(), dir.resolve("dpo.csv"), QUIET);
            assertEquals(0.0, ms.get(0).get("rewards/margins"), 1e-4, "policy equals reference before the first update");
            assertTrue(mean(ms, "rewards/margins", 25, 30) > 0.5, "margins grew: " + mean(ms, "rewards/margins", 25, 30));
            assertEquals(1.0, mean(ms, "rewards/accuracies", 25, 30), 1e-9);
            assertTrue(mean(ms, "loss", 25, 30) < Math.log(2) - 0.2, "loss fell below log 2: " + mean(ms, "loss", 25, 30));
            assertEquals("step,loss,rewards/chosen,rewards/rejected,rewards/margins,rewards/accuracies,nll_loss,lr,grad_norm",
                    Files.readAllLines(dir.resolve("dpo.csv")).get(0));
        }
    }

    /** Trains a fresh policy for {@code steps} steps of DPO with the given RPO α; the per-step metrics. */
    private static List<Map<String, Double>> dpo(double alpha, int steps, Path csv) throws IOException {
        try (NDManager m = NDManager.newBaseManager();
             PreferenceTrainer t = new PreferenceTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1),
                     new BigramModel(m, TinyShop.VOCAB, 16, 1), TinyShop.encoder(), settings(steps).withRpoAlpha(alpha), m)) {
            return t.trainDpo(pairs(), csv, QUIET);
        }
    }

    @Test
    void rpoTermPullsThePolicyTowardsTheChosenAnswers(@TempDir Path dir) throws IOException {
        List<Map<String, Double>> plain = dpo(0, 12, dir.resolve("plain.csv"));
        List<Map<String, Double>> rpo = dpo(1.0, 12, dir.resolve("rpo.csv"));
        assertEquals(plain.get(0).get("nll_loss"), rpo.get(0).get("nll_loss"), 1e-6, "same start: the NLL is logged either way");
        assertTrue(plain.get(0).get("loss") < rpo.get(0).get("loss") - 0.5,
                "the first loss adds the chosen NLL: " + plain.get(0).get("loss") + " vs " + rpo.get(0).get("loss"));
        double chosenPlain = mean(plain, "rewards/chosen", 8, 12);
        double chosenRpo = mean(rpo, "rewards/chosen", 8, 12);
        assertTrue(chosenRpo > chosenPlain + 0.1,
                "with the NLL term the chosen answers gain more log-probability: " + chosenRpo + " vs " + chosenPlain);
        assertTrue(mean(rpo, "nll_loss", 8, 12) < mean(plain, "nll_loss", 8, 12),
                "and their per-token NLL falls further: " + mean(rpo, "nll_loss", 8, 12) + " vs " + mean(plain, "nll_loss", 8, 12));
        assertTrue(Files.readAllLines(dir.resolve("rpo.csv")).get(0).contains(",nll_loss,"));
        assertThrows(IllegalArgumentException.class, () -> settings(1).withRpoAlpha(-0.5));
    }

    @Test
    void ktoSeparatesDesirableFromUndesirable(@TempDir Path dir) throws IOException {
        List<LabelledAnswer> answers = new ArrayList<>();
        for (PreferencePair p : pairs()) {
            answers.add(new LabelledAnswer(p.prompt(), p.chosen(), true));
            answers.add(new LabelledAnswer(p.prompt(), p.rejected(), false));
        }
        try (NDManager m = NDManager.newBaseManager();
             PreferenceTrainer t = new PreferenceTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1),
                     new BigramModel(m, TinyShop.VOCAB, 16, 1), TinyShop.encoder(), settings(30), m)) {
            List<Map<String, Double>> ms = t.trainKto(answers, dir.resolve("kto.csv"), QUIET);
            assertTrue(mean(ms, "rewards/margins", 25, 30) > 0.2, "margins grew: " + mean(ms, "rewards/margins", 25, 30));
            assertTrue(ms.stream().allMatch(x -> x.get("kl") >= 0), "the KL estimate is clamped at 0");
            assertTrue(Files.readAllLines(dir.resolve("kto.csv")).get(0).contains(",kl,"));
        }
    }

    @Test
    void pairsLongerThanTheLimitAreLeftOutAndSaid(@TempDir Path dir) throws IOException {
        List<PreferencePair> pairs = new ArrayList<>(pairs());
        pairs.add(new PreferencePair("How much is item 9? " + "Evidence line. ".repeat(40), "It is $9.99", "cheap"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (NDManager m = NDManager.newBaseManager();
             PreferenceTrainer t = new PreferenceTrainer(new BigramModel(m, TinyShop.VOCAB, 16, 1),
                     new BigramModel(m, TinyShop.VOCAB, 16, 1), TinyShop.encoder(), settings(1), m)) {
            t.trainDpo(pairs, dir.resolve("dpo.csv"), new PrintStream(console, true));
            assertEquals(1, t.dropped());
        }
        assertTrue(console.toString().contains("dpo: 1 of 9 pairs are longer than 400 tokens (--max-length) and are left out"),
                console.toString());
    }

    @Test
    void theDefaultLimitIsTheModelsContextLength(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":16,"intermediate_size":32,
                 "num_hidden_layers":1,"num_attention_heads":2,"num_key_value_heads":1,"head_dim":8,"hidden_act":"silu",
                 "rms_norm_eps":1e-5,"rope_theta":10000.0,"vocab_size":64,"max_position_embeddings":333,
                 "tie_word_embeddings":true}
                """);
        assertEquals(333, PreferenceSettings.orContextLength(0, dir), "0 asks for the model's context length");
        assertEquals(500, PreferenceSettings.orContextLength(500, dir), "a given limit stands");
        assertThrows(IllegalArgumentException.class, () -> PreferenceSettings.orContextLength(-1, dir));
    }

    @Test
    void badPreferenceFilesNameTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pairs.jsonl");
        Files.writeString(f, "{\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":\"q\",\"chosen\":3}\n");
        IOException e = assertThrows(IOException.class, () -> PreferenceFiles.readDpo(f));
        assertTrue(e.getMessage().contains("pairs.jsonl:2") && e.getMessage().contains("chosen"), e.getMessage());
        Files.writeString(f, "{\"prompt\":\"q\",\"completion\":\"a\",\"label\":\"yes\"}\n");
        e = assertThrows(IOException.class, () -> PreferenceFiles.readKto(f));
        assertTrue(e.getMessage().contains("pairs.jsonl:1") && e.getMessage().contains("label"), e.getMessage());
        Files.writeString(f, "not json\n");
        e = assertThrows(IOException.class, () -> PreferenceFiles.readKto(f));
        assertTrue(e.getMessage().contains("pairs.jsonl:1"), e.getMessage());
    }
}
