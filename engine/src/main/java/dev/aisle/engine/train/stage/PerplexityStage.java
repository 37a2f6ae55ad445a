package dev.aisle.engine.train.stage;

import ai.djl.ndarray.NDManager;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.model.LoadedModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.TextSource;
import dev.aisle.engine.train.data.TokenizerEncoder;
import dev.aisle.engine.train.data.TrainingDocument;
import dev.aisle.engine.train.loop.LlamaTrainable;
import dev.aisle.engine.train.loop.NextTokenTrainer;
import dev.aisle.engine.train.loop.TokenBatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out perplexity per text source: the documents {@link dev.aisle.engine.train.data.TrainingSplit}
 * keeps out of training, each scored on its own (the first token of a document is predicted from
 * nothing, so it is not counted), up to a token budget per source.
 */
public final class PerplexityStage {

    /** Perplexity of one source and how many tokens it was measured on. */
    public record SourcePerplexity(TextSource source, double perplexity, double meanNll, long tokens, int documents) {
    }

    private PerplexityStage() {
    }

    public static List<SourcePerplexity> measure(Corpus corpus, Path modelDir, int tokensPerSource, int length) {
        Map<TextSource, List<TrainingDocument>> bySource = new EnumMap<>(TextSource.class);
        for (TrainingDocument d : new PretrainingText(corpus).heldOut()) {
            bySource.computeIfAbsent(d.source(), k -> new ArrayList<>()).add(d);
        }
        List<SourcePerplexity> out = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager();
             LoadedModel loaded = new ModelDirectory(modelDir).load(root)) {
            TokenizerEncoder enc = new TokenizerEncoder(loaded.tokenizer());
            int max = Math.min(length, loaded.config().maxPositionEmbeddings());
            for (Map.Entry<TextSource, List<TrainingDocument>> e : bySource.entrySet()) {
                List<TokenBatch> batches = new ArrayList<>();
                long tokens = 0;
                int docs = 0;
                for (TrainingDocument d : e.getValue()) {
                    if (tokens >= tokensPerSource) {
                        break;
                    }
                    int[] ids = enc.encode(d.text());
                    int[] seq = Arrays.copyOf(ids, Math.min(ids.length + 1, max + 1));
                    seq[seq.length - 1] = seq.length - 1 < ids.length ? ids[seq.length - 1] : enc.endId();
                    if (seq.length < 2) {
                        continue;
                    }
                    int n = seq.length - 1;
                    float[] w = new float[n];
                    Arrays.fill(w, 1f);
                    batches.add(new TokenBatch(new int[][]{Arrays.copyOfRange(seq, 0, n)}, new int[][]{Arrays.copyOfRange(seq, 1, n + 1)},
                            new float[][]{w}));
                    tokens += n;
                    docs++;
                }
                double nll = NextTokenTrainer.evaluate(new LlamaTrainable(loaded.model()), batches, root);
                out.add(new SourcePerplexity(e.getKey(), Math.exp(nll), nll, tokens, docs));
            }
        }
        return out;
    }
}
