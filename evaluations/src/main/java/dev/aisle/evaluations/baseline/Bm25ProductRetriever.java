package dev.aisle.evaluations.baseline;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.RankingSystem;
import dev.aisle.evaluations.system.Configuration;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Ranks catalogue products for a question with plain BM25, no filters, no embeddings: the
 * baseline a real retriever has to beat. {@link Fields#TITLE} indexes titles only,
 * {@link Fields#FULL} the whole product page.
 */
public final class Bm25ProductRetriever implements RankingSystem {

    public enum Fields { TITLE, FULL }

    public static final int DEPTH = 100;

    private final Bm25 index = new Bm25();
    private final Fields fields;

    public Bm25ProductRetriever(Collection<Product> products, Fields fields) {
        this.fields = fields;
        for (Product p : products) {
            index.add(p.id(), fields == Fields.TITLE ? p.title() : pageText(p));
        }
        index.seal();
    }

    static String pageText(Product p) {
        StringBuilder sb = new StringBuilder(p.title()).append(' ').append(p.brand()).append(' ')
                .append(String.join(" ", p.categoryPath())).append(' ');
        for (Attribute a : p.attributes()) {
            sb.append(a.name()).append(' ').append(a.display()).append(' ');
        }
        p.bullets().forEach(b -> sb.append(b).append(' '));
        return sb.append(p.description()).toString();
    }

    public Configuration configuration(String name) {
        return new Configuration(name, Map.of("system", "bm25-products", "fields", fields.name().toLowerCase(),
                "k1", Double.toString(Bm25.K1), "b", Double.toString(Bm25.B), "depth", Integer.toString(DEPTH)));
    }

    @Override
    public List<String> rank(SuiteItem item) {
        return index.rank(item.question(), DEPTH);
    }
}
