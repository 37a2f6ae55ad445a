package dev.aisle.engine.train;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.train.data.ChatBatches;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.SftExample;
import dev.aisle.engine.train.data.SftExampleBuilder;
import dev.aisle.engine.train.data.ShopText;
import dev.aisle.engine.train.data.TextSource;
import dev.aisle.engine.train.data.TrainingDocument;
import dev.aisle.engine.train.loop.TokenBatch;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataTest {

    private static final Pattern PRODUCT = Pattern.compile("<product id=\"([^\"]+)\"/>");
    private static final Pattern COMPARE = Pattern.compile("<compare ids=\"([^\"]+)\"/>");
    private static final Pattern CITE = Pattern.compile("<cite ref=\"([^\"]+)\"/>");
    private static final Pattern PRICE = Pattern.compile("\\$(\\d+\\.\\d\\d)");

    @Test
    void sftExamplesCoverAllIntentsAndOnlyReferToTheirEvidence() {
        Corpus corpus = TinyShop.corpus();
        Map<String, Product> products = corpus.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<SftExample> examples = new SftExampleBuilder(corpus).build(500, 42);
        assertTrue(examples.size() >= 500);
        Set<Intent> seen = EnumSet.noneOf(Intent.class);
        for (SftExample e : examples) {
            seen.add(e.intent());
            Set<String> labels = e.evidence().stream().map(EvidenceLine::label).collect(Collectors.toSet());
            Set<String> evidenceProducts = e.evidence().stream().map(EvidenceLine::productId).collect(Collectors.toSet());
            String where = e.sourceId() + ": " + e.answer();
            Matcher m = PRODUCT.matcher(e.answer());
            while (m.find()) {
                assertTrue(evidenceProducts.contains(m.group(1)), "product outside evidence in " + where);
            }
            m = COMPARE.matcher(e.answer());
            while (m.find()) {
                for (String id : m.group(1).split(",")) {
                    assertTrue(evidenceProducts.contains(id), "compared product outside evidence in " + where);
                }
            }
            m = CITE.matcher(e.answer());
            int cites = 0;
            while (m.find()) {
                assertTrue(labels.contains(m.group(1)), "citation of a missing label in " + where);
                cites++;
            }
            assertTrue(cites > 0, "no citation in " + where);
            // every price stated is the catalogue price of a product in the evidence, or a stated budget
            Set<String> prices = evidenceProducts.stream().filter(products::containsKey)
                    .map(id -> ShopText.price(products.get(id).price()).substring(1)).collect(Collectors.toSet());
            m = PRICE.matcher(e.answer());
            while (m.find()) {
                String p = m.group(1);
                assertTrue(prices.contains(p) || e.question().contains(p.replace(".00", "")) || e.answer().contains("budget of $" + p)
                        || e.answer().contains("under $" + p) || e.answer().contains("saves you $" + p) || p.equals("5.99"), "price " + p + " not from the catalogue in " + where);
            }
            assertTrue(e.prompt().endsWith("<|assistant|>"));
        }
        assertEquals(EnumSet.allOf(Intent.class), seen);
    }

    @Test
    void nothingHeldOutReachesTraining() {
        Corpus corpus = TinyShop.corpus();
        List<SftExample> examples = new SftExampleBuilder(corpus).build(300, 1);
        for (SftExample e : examples) {
            assertFalse(e.question().equals(TinyShop.HELD_OUT_QUESTION), "held-out question used: " + e.sourceId());
            assertFalse(e.sourceId().equals("EQ3"));
            assertFalse(e.prompt().contains(TinyShop.HELD_OUT_QUESTION), "held-out text in evidence of " + e.sourceId());
        }
        assertTrue(examples.stream().anyMatch(e -> e.sourceId().equals("EQ1")), "TRAIN questions are used");
        PretrainingText text = new PretrainingText(corpus);
        for (TrainingDocument d : text.training()) {
            assertFalse(d.text().contains(TinyShop.HELD_OUT_QUESTION), "held-out question in pretraining " + d.id());
        }
        Set<String> trainIds = text.training().stream().map(TrainingDocument::id).collect(Collectors.toSet());
        for (TrainingDocument d : text.heldOut()) {
            assertFalse(trainIds.contains(d.id()), "perplexity document also trained on: " + d.id());
        }
        assertEquals(EnumSet.allOf(TextSource.class),
                text.training().stream().map(TrainingDocument::source).collect(Collectors.toCollection(() -> EnumSet.noneOf(TextSource.class))));
    }

    @Test
    void sftBatchesCountOnlyAnswerTokens() {
        SftExample e = new SftExampleBuilder(TinyShop.corpus()).build(5, 9).get(0);
        var encoder = TinyShop.encoder();
        int promptTokens = encoder.encode(e.prompt()).length;
        int answerTokens = encoder.encode(e.answer()).length + 1; // and END
        ChatBatches batches = new ChatBatches(List.of(e), encoder, 1, 5000, 1);
        TokenBatch b = batches.batch(0);
        float[] w = b.weights()[0];
        int counted = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                counted++;
                assertTrue(i + 1 >= promptTokens, "position " + i + " predicts a prompt token but counts");
            }
        }
        assertEquals(answerTokens, counted);
        assertEquals(encoder.endId(), b.targets()[0][w.length - 1]);
        assertEquals(0f, w[promptTokens - 2], "the last prompt position before the assistant token does not count");
    }

    @Test
    void anEpochSeesEveryExampleOnceInBatchesOfSimilarLength() {
        List<SftExample> examples = new SftExampleBuilder(TinyShop.corpus()).build(256, 3);
        var encoder = TinyShop.encoder();
        ChatBatches batches = new ChatBatches(examples, encoder, 4, 5000, 7);
        Map<String, Integer> seen = new java.util.HashMap<>();
        long padded = 0;
        long real = 0;
        for (long b = 0; b < batches.batchesPerEpoch(); b++) {
            TokenBatch batch = batches.batch(b);
            for (int r = 0; r < 4; r++) {
                int[] row = batch.inputs()[r];
                int length = row.length;
                while (length > 0 && row[length - 1] == encoder.padId()) {
                    length--;
                }
                seen.merge(java.util.Arrays.toString(java.util.Arrays.copyOf(row, length)), 1, Integer::sum);
                padded += row.length;
                real += length;
            }
        }
        long distinct = examples.stream().map(e -> java.util.Arrays.toString(
                java.util.Arrays.copyOf(encoder.encodeChat(e).ids(), encoder.encodeChat(e).ids().length - 1))).distinct().count();
        assertEquals(batches.batchesPerEpoch() * 4, seen.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(seen.size() >= Math.min(distinct, batches.batchesPerEpoch() * 4) - 3, "an epoch repeats examples: " + seen.size());
        assertTrue(padded < real * 1.05, "length grouping should leave little padding: " + padded + " positions for " + real + " tokens");
    }
}
