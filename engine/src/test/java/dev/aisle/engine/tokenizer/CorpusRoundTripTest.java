package dev.aisle.engine.tokenizer;

import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.TrainingDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** decode(encode(doc)) == doc for every document of a (small) generated corpus, held-out ones included. */
class CorpusRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void everyCorpusDocumentRoundTrips() throws Exception {
        PretrainingText text = new PretrainingText(new CorpusGenerator(CorpusGenerator.DEFAULT_SEED,
                CorpusGenerator.Options.small(40)).generate());
        List<TrainingDocument> docs = new ArrayList<>(text.training());
        docs.addAll(text.heldOut());
        assertFalse(docs.isEmpty());
        Path file = tmp.resolve("tokenizer.json");
        TokenizerJson.write(BpeTrainer.forChat(1024).addAll(text.training().stream().map(TrainingDocument::text).toList())
                .train(), file);
        try (ShopTokenizer tok = ShopTokenizer.load(file)) {
            long chars = 0;
            long ids = 0;
            for (TrainingDocument d : docs) {
                int[] e = tok.encode(d.text());
                assertEquals(d.text(), tok.decode(e), "document " + d.id());
                chars += d.text().length();
                ids += e.length;
            }
            assertTrue(chars > 2.5 * ids, "expected > 2.5 chars per token on shop text, got " + (double) chars / ids);
        }
    }
}
