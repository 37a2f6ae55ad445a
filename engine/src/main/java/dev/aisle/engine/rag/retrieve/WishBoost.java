package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.analysis.AttributeWish;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks products that meet the question's wishes first, softly: a product's score is multiplied by
 * 1 + boost × (confidence-weighted share of the wishes it meets). The wishes are the analysis' learned
 * ones ("can handle a downpour" → waterproof), the attribute values the question names in the
 * catalogue's own words ("grain free", "down") and the brands it names ("corefit dumbbells": a
 * shopper naming a brand wants that brand's products, and keyword scores alone let other brands'
 * pages that mention the category more often outrank them). Not a filter: a learned wish can be wrong,
 * and a product that misses it stays in the list, lower. Thread-safe.
 */
public final class WishBoost {

    private final Function<String, Product> products;
    private final double boost;

    /**
     * @param products the catalogue's product by id (null for an unknown id)
     * @param boost    how much meeting every wish multiplies a score by, minus one (0: off)
     */
    public WishBoost(Function<String, Product> products, double boost) {
        if (!(boost >= 0) || Double.isInfinite(boost)) {
            throw new IllegalArgumentException("wish boost must be a finite number >= 0, got " + boost);
        }
        this.products = products;
        this.boost = boost;
    }

    public double boost() {
        return boost;
    }

    /** The learned wishes plus the attribute values the question names ("" values, mere questions about an attribute, are not wishes). */
    public static List<AttributeWish> wishes(QuestionAnalysis analysis) {
        List<AttributeWish> out = new ArrayList<>(analysis.wishes());
        for (Map.Entry<String, String> e : analysis.constraints().attributes().entrySet()) {
            boolean learned = out.stream().anyMatch(w -> w.attribute().equals(e.getKey()));
            if (!e.getValue().isEmpty() && !learned) {
                out.add(AttributeWish.text(e.getKey(), Set.of(e.getValue().toLowerCase(Locale.ROOT)), 1, e.getValue()));
            }
        }
        return out;
    }

    /** The ranking with products meeting the question's wishes and brands moved up. */
    public List<ProductHit> apply(List<ProductHit> ranked, QuestionAnalysis analysis) {
        return apply(ranked, wishes(analysis), analysis.constraints().brands());
    }

    /**
     * The ranking with products meeting the wishes moved up; unchanged when there is no wish or the boost is 0.
     *
     * @param brands brand names as the catalogue spells them; a product of one of them meets one more wish
     */
    public List<ProductHit> apply(List<ProductHit> ranked, List<AttributeWish> wishes, List<String> brands) {
        if (boost == 0 || (wishes.isEmpty() && brands.isEmpty()) || ranked.isEmpty()) {
            return ranked;
        }
        double total = wishes.stream().mapToDouble(AttributeWish::confidence).sum() + (brands.isEmpty() ? 0 : 1);
        List<ProductHit> out = new ArrayList<>(ranked.size());
        for (ProductHit h : ranked) {
            Product p = products.apply(h.productId());
            double met = 0;
            if (p != null) {
                for (AttributeWish w : wishes) {
                    met += w.metBy(p) ? w.confidence() : 0;
                }
                met += brands.contains(p.brand()) ? 1 : 0;
            }
            out.add(met == 0 ? h : new ProductHit(h.productId(), h.score() * (1 + boost * met / total), h.bestDocId(), h.documents()));
        }
        out.sort(Comparator.comparingDouble(ProductHit::score).reversed().thenComparing(ProductHit::productId));
        return out;
    }
}
