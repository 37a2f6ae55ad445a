package dev.aisle.engine.rag.eval;

import dev.aisle.engine.rag.embed.TextEmbedder;
import dev.aisle.engine.rag.index.IndexBuilder;
import dev.aisle.engine.rag.retrieve.Bm25Ranker;
import dev.aisle.engine.rag.retrieve.Fusion;
import dev.aisle.engine.rag.retrieve.HybridRetriever;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders each question's candidate evidence texts. BM25 statistics come from all candidates of the
 * file (one in-memory Lucene index, English analysis), each question searching only its own
 * candidates; the dense score is the MiniLM cosine between question and candidate; fusion is the
 * same {@link Fusion} the shop retrieval uses.
 */
public final class EvidenceRanker implements AutoCloseable {

    private static final String QID = "qid";
    private static final String TEXT = "text";
    private static final String ROW = "row";

    private final List<ProductQaCsv.Question> questions;
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Bm25Ranker bm25;
    private final Map<String, float[]> questionVectors = new HashMap<>();
    private final Map<String, List<float[]>> candidateVectors = new HashMap<>();

    public EvidenceRanker(List<ProductQaCsv.Question> questions, TextEmbedder embedder) {
        this.questions = List.copyOf(questions);
        Analyzer analyzer = IndexBuilder.analyzer();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (ProductQaCsv.Question q : questions) {
                for (int i = 0; i < q.candidates().size(); i++) {
                    Document d = new Document();
                    d.add(new StringField(QID, q.qid(), Field.Store.NO));
                    d.add(new TextField(TEXT, q.candidates().get(i).candidate(), Field.Store.NO));
                    d.add(new StoredField(ROW, i));
                    w.addDocument(d);
                }
            }
            w.commit();
            reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the evidence candidates", e);
        }
        searcher = new IndexSearcher(reader);
        bm25 = new Bm25Ranker(analyzer, Map.of(TEXT, 1f));
        List<String> texts = new ArrayList<>();
        for (ProductQaCsv.Question q : questions) {
            texts.add(q.question());
            q.candidates().forEach(c -> texts.add(c.candidate()));
        }
        List<float[]> vectors = embedder.embedAll(texts, 128, n -> { });
        int at = 0;
        for (ProductQaCsv.Question q : questions) {
            questionVectors.put(q.qid(), vectors.get(at++));
            List<float[]> cv = new ArrayList<>();
            for (int i = 0; i < q.candidates().size(); i++) {
                cv.add(vectors.get(at++));
            }
            candidateVectors.put(q.qid(), cv);
        }
    }

    public List<ProductQaCsv.Question> questions() {
        return questions;
    }

    /** Candidate positions (indexes into {@code question.candidates()}), best first. */
    public List<Integer> rank(ProductQaCsv.Question question, HybridRetriever.Mode mode, Fusion fusion) {
        int n = question.candidates().size();
        List<Fusion.Ranked> keyword = mode == HybridRetriever.Mode.DENSE ? List.of() : keywordList(question);
        List<Fusion.Ranked> dense = new ArrayList<>();
        if (mode != HybridRetriever.Mode.BM25) {
            float[] q = questionVectors.get(question.qid());
            List<float[]> cv = candidateVectors.get(question.qid());
            for (int i = 0; i < n; i++) {
                dense.add(new Fusion.Ranked(i, dot(q, cv.get(i))));
            }
            dense.sort(Comparator.comparingDouble(Fusion.Ranked::score).reversed());
        }
        int[] kr = new int[n];
        int[] dr = new int[n];
        double[] ks = new double[n];
        double[] ds = new double[n];
        for (int i = 0; i < keyword.size(); i++) {
            kr[keyword.get(i).doc()] = i + 1;
            ks[keyword.get(i).doc()] = keyword.get(i).score();
        }
        for (int i = 0; i < dense.size(); i++) {
            dr[dense.get(i).doc()] = i + 1;
            ds[dense.get(i).doc()] = dense.get(i).score();
        }
        List<Integer> order = new ArrayList<>();
        double[] fused = new double[n];
        for (int i = 0; i < n; i++) {
            order.add(i);
            fused[i] = fusion.score(keyword, dense, kr[i], dr[i], ks[i], ds[i]);
        }
        // Ties (e.g. no keyword match at all) keep file order, so results are reproducible.
        order.sort(Comparator.comparingDouble((Integer i) -> -fused[i]).thenComparingInt(i -> i));
        return order;
    }

    private List<Fusion.Ranked> keywordList(ProductQaCsv.Question question) {
        Optional<Query> q = bm25.query(question.question());
        if (q.isEmpty()) {
            return List.of();
        }
        Query only = new TermQuery(new Term(QID, question.qid()));
        List<Fusion.Ranked> out = new ArrayList<>();
        try {
            for (Fusion.Ranked r : bm25.search(searcher, q.get(), Optional.of(only), question.candidates().size())) {
                int row = searcher.storedFields().document(r.doc()).getField(ROW).numericValue().intValue();
                out.add(new Fusion.Ranked(row, r.score()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candidate rows", e);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
