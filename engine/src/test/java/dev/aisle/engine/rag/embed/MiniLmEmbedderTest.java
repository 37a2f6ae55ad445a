package dev.aisle.engine.rag.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void agreesWithTheLangchain4jReferenceModel() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("waterproof trail running shoes with 8 mm drop",
                "Best dinosaur toys for a five-year-old?",
                "The glove kept my hands warm on a cold morning round.");
        List<float[]> batched = embedder.embedAll(texts, MiniLmEmbedder.MAX_TOKENS, n -> { });
        for (int i = 0; i < texts.size(); i++) {
            float[] ref = reference.embed(texts.get(i)).content().vector();
            // Alone, a text sees exactly what the reference computes.
            assertEquals(1.0, dot(embedder.embed(texts.get(i)), ref), 1e-3, "cosine to reference for " + texts.get(i));
            // In a batch, dynamic int8 quantisation takes its activation scale over the whole batch,
            // so batch-mates shift the vector slightly.
            assertEquals(1.0, dot(batched.get(i), ref), 0.02, "batched cosine to reference for " + texts.get(i));
        }
    }

    @Test
    void vectorsAreUnitLengthAndSemanticallyOrdered() {
        float[] q = embedder.embed("warm gloves for winter golf");
        float[] near = embedder.embed("insulated golf gloves for cold weather");
        float[] far = embedder.embed("a plastic tyrannosaurus toy that roars");
        assertEquals(1.0, dot(q, q), 1e-4);
        assertTrue(dot(q, near) > dot(q, far) + 0.2, "related text must be much closer");
    }

    @Test
    void batchesKeepInputOrderAndReportProgress() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            texts.add("item " + i + " " + "long ".repeat(i % 7));
        }
        AtomicInteger last = new AtomicInteger();
        List<float[]> all = embedder.embedAll(texts, 32, n -> last.accumulateAndGet(n, Math::max));
        assertEquals(21, last.get());
        for (int i = 0; i < texts.size(); i += 5) {
            assertEquals(1.0, dot(all.get(i), embedder.embedAll(List.of(texts.get(i)), 32, n -> { }).get(0)), 0.02);
        }
    }

    @Test
    void truncationIsAppliedAndValidated() {
        String longText = "comfortable ".repeat(40) + "dinosaur";
        float[] cut = embedder.embedAll(List.of(longText), 8, n -> { }).get(0);
        float[] full = embedder.embed(longText);
        assertTrue(dot(cut, full) < 0.9999, "truncated vector must differ from the full one");
        assertThrows(IllegalArgumentException.class, () -> embedder.embedAll(List.of("x"), 1, n -> { }));
    }
}
