package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.index.IndexSchema;
import dev.aisle.engine.rag.index.RetrievalIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Second opinion on the question's category before it becomes a hard filter. Shopper phrases learned
 * from a few training queries sometimes name the wrong shelf ("trainers for my first 10k" read as base
 * layers), and a wrong hard filter leaves nothing right to rank. The question's vector is compared with
 * every product page (no filter, top {@value #TOP}): when none of them is in the analysed categories and
 * at least {@value #VOTES} come from one shelf, that shelf replaces them. One extra nearest-neighbour
 * search of the product pages; thread-safe.
 */
public final class ShelfCheck {

    static final int TOP = 10;
    static final int VOTES = 6;

    private final Function<String, Product> products;
    private final DenseRanker dense = new DenseRanker();
    private final Query productPages = new TermQuery(new Term(IndexSchema.TYPE, IndexSchema.DocType.PRODUCT.source()));

    /** @param products the catalogue's product by id (null for an unknown id) */
    public ShelfCheck(Function<String, Product> products) {
        this.products = products;
    }

    /** A verdict: the analysis to filter with, and why it changed (empty when it did not). */
    public record Verdict(QuestionAnalysis analysis, String note) {
    }

    public Verdict check(RetrievalIndex index, QuestionAnalysis a, float[] vector) {
        List<String> categories = a.constraints().categories();
        if (categories.isEmpty() || !a.referencedProductIds().isEmpty() || vector.length == 0) {
            return new Verdict(a, "");
        }
        Map<String, Integer> votes = new HashMap<>();
        for (Fusion.Ranked r : dense.search(index.searcher(), vector, Optional.of(productPages), TOP)) {
            Product p = products.apply(index.productOf(r.doc()));
            if (p == null) {
                continue;
            }
            if (p.categoryPath().stream().anyMatch(categories::contains)) {
                return new Verdict(a, "");
            }
            votes.merge(p.category(), 1, Integer::sum);
        }
        Optional<Map.Entry<String, Integer>> lead = votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        if (lead.isEmpty() || lead.get().getValue() < VOTES) {
            return new Verdict(a, "");
        }
        String shelf = lead.get().getKey();
        QuestionAnalysis checked = new QuestionAnalysis(a.question(), a.searchText(), a.intent(),
                a.constraints().withCategories(List.of(shelf)), a.referencedProductIds(), a.followUp(), a.corrections(), a.wishes());
        return new Verdict(checked, "category " + categories + " replaced by " + shelf + ": " + lead.get().getValue() + " of the "
                + TOP + " nearest product pages are there and none in " + categories);
    }
}
