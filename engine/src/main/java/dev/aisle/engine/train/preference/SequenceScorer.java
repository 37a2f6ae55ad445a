package dev.aisle.engine.train.preference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aisle.engine.model.NativeArrays;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.train.data.TokenEncoder;
import dev.aisle.engine.train.loop.LanguageModelLoss;
import dev.aisle.engine.train.loop.TrainableModel;

import java.util.Arrays;
import java.util.List;

/**
 * Log-probability of an answer given its prompt, summed over the answer's tokens and its END, for
 * several (prompt, answer) rows at once. This is the quantity DPO and KTO compare between the
 * policy and the reference.
 */
final class SequenceScorer {

    /** A prompt and answer as ids; the answer starts at {@code answerStart}. */
    record Row(int[] ids, int answerStart) {
    }

    private SequenceScorer() {
    }

    /**
     * The exported prompt is normally the rendered chat layout (ending with the assistant token);
     * a bare question is put into the layout with no evidence.
     */
    static Row encode(TokenEncoder encoder, String prompt, String answer) {
        String rendered = prompt.endsWith(ChatTokens.ASSISTANT) ? prompt
                : PromptLayout.render(PromptLayout.DEFAULT_SYSTEM, List.of(), List.of(), prompt);
        int[] p = encoder.encodeTrusted(rendered);
        int[] a = encoder.encode(answer);
        int[] all = Arrays.copyOf(p, p.length + a.length + 1);
        System.arraycopy(a, 0, all, p.length, a.length);
        all[all.length - 1] = encoder.endId();
        return new Row(all, p.length);
    }

    /** Tokens {@link #score} sums over for this row: the answer's and its END. */
    static int answerTokens(Row row) {
        return row.ids().length - 1 - Math.max(0, row.answerStart() - 1);
    }

    /** Summed answer log-probabilities, {@code [rows]}, attached to {@code scope}. */
    static NDArray score(TrainableModel model, List<Row> rows, int padId, NDManager scope) {
        int longest = rows.stream().mapToInt(r -> r.ids().length - 1).max().orElseThrow();
        int n = rows.size();
        int[] inputs = new int[n * longest];
        int[] targets = new int[n * longest];
        float[] weights = new float[n * longest];
        Arrays.fill(inputs, padId);
        Arrays.fill(targets, padId);
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            int len = row.ids().length - 1;
            System.arraycopy(row.ids(), 0, inputs, r * longest, len);
            System.arraycopy(row.ids(), 1, targets, r * longest, len);
            for (int i = Math.max(0, row.answerStart() - 1); i < len; i++) {
                weights[r * longest + i] = 1f;
            }
        }
        NDArray ids = NativeArrays.of(scope, inputs, new Shape(n, longest));
        NDArray tg = NativeArrays.of(scope, targets, new Shape(n, longest)).toType(DataType.INT64, false);
        NDArray w = NativeArrays.of(scope, weights, new Shape(n, longest));
        return LanguageModelLoss.tokenLogProbs(model.logits(ids), tg).mul(w).sum(new int[]{1});
    }

    static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
