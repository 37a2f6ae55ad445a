package dev.aisle.engine.rag.index;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.rag.embed.TextEmbedder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the retrieval index from a corpus: embeds every document's representative text on all
 * cores, then writes the documents from as many threads (each thread's segment gets its own HNSW
 * graph, so graph building is parallel too, and no final merge re-builds it).
 */
public final class IndexBuilder {

    /** Word pieces embedded per document type: enough to carry what a document is about, cheap enough to build fast. */
    public static final Map<IndexSchema.DocType, Integer> EMBED_TOKENS = new EnumMap<>(Map.of(
            IndexSchema.DocType.PRODUCT, 96, IndexSchema.DocType.REVIEW, 48,
            IndexSchema.DocType.QA, 48, IndexSchema.DocType.GUIDE, 128));
    /**
     * Reviews per product that get a vector. Embedding all ~60k reviews of the default corpus would
     * take most of the build budget on two cores; the most helpful few carry the experience, and every
     * review stays searchable by keywords.
     */
    public static final int EMBEDDED_REVIEWS_PER_PRODUCT = 4;
    static final int HNSW_MAX_CONN = 16;
    static final int HNSW_BEAM = 64;

    /**
     * What a build did.
     *
     * @param rebuilt  false when the index was already built from this corpus and left alone
     * @param embedded documents that got a vector
     */
    public record BuildReport(boolean rebuilt, int documents, int embedded, long embedMillis, long writeMillis, long totalMillis,
                              String indexKey, int threads) {
    }

    private final TextEmbedder embedder;
    private final PrintStream progress;
    private final int threads;

    /** @param progress where the progress bar goes (stderr), or null for none */
    public IndexBuilder(TextEmbedder embedder, PrintStream progress, int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, got " + threads);
        }
        this.embedder = embedder;
        this.progress = progress;
        this.threads = threads;
    }

    /**
     * The key an index is built for: the corpus' training hash (the documents; judged queries are never
     * indexed, so new judgments do not rebuild it), the schema and the embedding policy.
     */
    public static String indexKey(Corpus corpus) {
        return corpus.trainingHash() + "|" + IndexSchema.VERSION + "|" + EMBED_TOKENS + "|reviews" + EMBEDDED_REVIEWS_PER_PRODUCT;
    }

    /** Builds unless the index in {@code dir} was built from this very corpus, schema and policy. */
    public BuildReport buildIfStale(Corpus corpus, Path dir) {
        String key = indexKey(corpus);
        Optional<Map<String, String>> existing = commitData(dir);
        if (existing.isPresent() && key.equals(existing.get().get(IndexSchema.USER_CORPUS_HASH))) {
            int docs = Integer.parseInt(existing.get().getOrDefault(IndexSchema.USER_DOCS, "0"));
            int embedded = Integer.parseInt(existing.get().getOrDefault(IndexSchema.USER_EMBEDDED, "0"));
            return new BuildReport(false, docs, embedded, 0, 0, 0, key, threads);
        }
        return build(corpus, dir);
    }

    /** The user data of the last commit in {@code dir}, or empty when there is no index there. */
    public static Optional<Map<String, String>> commitData(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return Optional.empty();
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return Optional.of(r.getIndexCommit().getUserData());
            }
        } catch (IOException e) {
            // A damaged index is as good as none: it will be rebuilt.
            return Optional.empty();
        }
    }

    public BuildReport build(Corpus corpus, Path dir) {
        long t0 = System.nanoTime();
        List<IndexDocument> docs = CorpusDocuments.of(corpus, EMBEDDED_REVIEWS_PER_PRODUCT);
        float[][] vectors = embed(docs);
        int embedded = (int) docs.stream().filter(IndexDocument::embed).count();
        long t1 = System.nanoTime();
        String key = indexKey(corpus);
        try (Directory d = FSDirectory.open(dir); Analyzer analyzer = analyzer()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(1024)
                    .setCodec(codec());
            try (IndexWriter writer = new IndexWriter(d, config)) {
                write(writer, docs, vectors);
                writer.setLiveCommitData(Map.of(
                        IndexSchema.USER_CORPUS_HASH, key,
                        IndexSchema.USER_SCHEMA, IndexSchema.VERSION,
                        IndexSchema.USER_DOCS, String.valueOf(docs.size()),
                        IndexSchema.USER_EMBEDDED, String.valueOf(embedded)).entrySet());
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index in " + dir, e);
        }
        long t2 = System.nanoTime();
        return new BuildReport(true, docs.size(), embedded, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000,
                key, threads);
    }

    private float[][] embed(List<IndexDocument> docs) {
        ProgressBar bar = new ProgressBar(progress, "embedding", (int) docs.stream().filter(IndexDocument::embed).count());
        float[][] vectors = new float[docs.size()][];
        int finishedGroups = 0;
        for (IndexSchema.DocType type : IndexSchema.DocType.values()) {
            List<Integer> positions = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (docs.get(i).type() == type && docs.get(i).embed()) {
                    positions.add(i);
                    texts.add(docs.get(i).embedText());
                }
            }
            if (texts.isEmpty()) {
                continue;
            }
            int base = finishedGroups;
            List<float[]> out = embedder.embedAll(texts, EMBED_TOKENS.get(type), n -> bar.update(base + n));
            for (int i = 0; i < positions.size(); i++) {
                vectors[positions.get(i)] = out.get(i);
            }
            finishedGroups += texts.size();
        }
        bar.finish();
        return vectors;
    }

    private void write(IndexWriter writer, List<IndexDocument> docs, float[][] vectors) throws IOException {
        ProgressBar bar = new ProgressBar(progress, "indexing", docs.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int chunk = (docs.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * chunk;
                int to = Math.min(docs.size(), from + chunk);
                parts.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        writer.addDocument(document(docs.get(i), vectors[i]));
                        bar.update(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("index build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("index build failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        bar.finish();
    }

    static Document document(IndexDocument d, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ID, d.id(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.TYPE, d.type().source(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.PRODUCT_ID, d.productId(), Field.Store.YES));
        text(doc, IndexSchema.TITLE, d.title());
        text(doc, IndexSchema.BRAND, d.brand());
        text(doc, IndexSchema.CATEGORY, d.category());
        text(doc, IndexSchema.ATTRIBUTES, d.attributes());
        text(doc, IndexSchema.BULLETS, d.bullets());
        text(doc, IndexSchema.TEXT, d.text());
        doc.add(new StoredField(IndexSchema.TITLE, d.title()));
        doc.add(new StoredField(IndexSchema.BODY, d.body()));
        if (d.price().isPresent()) {
            doc.add(new DoublePoint(IndexSchema.PRICE, d.price().getAsDouble()));
            doc.add(new StoredField(IndexSchema.PRICE, d.price().getAsDouble()));
        }
        if (d.ageMin() >= 0) {
            doc.add(new IntPoint(IndexSchema.AGE_MIN, d.ageMin()));
            doc.add(new IntPoint(IndexSchema.AGE_MAX, d.ageMax()));
            doc.add(new StringField(IndexSchema.HAS_AGE, "yes", Field.Store.NO));
        }
        for (String c : d.categoryPath()) {
            doc.add(new StringField(IndexSchema.CATEGORY_KEY, c.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        if (!d.brand().isEmpty()) {
            doc.add(new StringField(IndexSchema.BRAND_KEY, d.brand().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** English analysis (possessives, stop words, Porter stemming) for every text field, index and query alike. */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    private static Lucene912Codec codec() {
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return hnsw;
            }
        };
    }
}
