package dev.aisle.engine.rag.retrieve;

import dev.aisle.engine.rag.index.IndexSchema;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nearest neighbours of the question's MiniLM vector in the HNSW graph, under the same filter as
 * the keyword list. Lucene scores a dot product as (1 + dot) / 2; the list carries the cosine.
 */
public final class DenseRanker {

    public List<Fusion.Ranked> search(IndexSearcher searcher, float[] query, Optional<Query> filter, int depth) {
        KnnFloatVectorQuery knn = filter.isPresent()
                ? new KnnFloatVectorQuery(IndexSchema.VECTOR, query, depth, filter.get())
                : new KnnFloatVectorQuery(IndexSchema.VECTOR, query, depth);
        try {
            ScoreDoc[] docs = searcher.search(knn, depth).scoreDocs;
            List<Fusion.Ranked> out = new ArrayList<>(docs.length);
            for (ScoreDoc d : docs) {
                out.add(new Fusion.Ranked(d.doc, 2.0 * d.score - 1.0));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("dense search failed", e);
        }
    }
}
