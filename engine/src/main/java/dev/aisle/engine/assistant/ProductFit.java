package dev.aisle.engine.assistant;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.analysis.Constraints;
import dev.aisle.engine.rag.index.CorpusDocuments;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a product meets a question's hard limits: price range, age (a product that states no age
 * passes, as in retrieval's filter), brand, category and wanted attribute values (of the attributes the
 * product states: a wish about one it does not describe cannot rule it out). Retrieval filters on
 * price, age and category only, and reviews and store-service items of other products reach the evidence
 * too, so a recommendation's cards are checked again here before the decoder may show them.
 */
final class ProductFit {

    private ProductFit() {
    }

    static boolean fits(Product p, Constraints c) {
        if (c.price().isPresent() && !c.price().get().contains(p.price())) {
            return false;
        }
        if (c.age().isPresent()) {
            int[] range = CorpusDocuments.ageRange(p);
            if (range[0] >= 0 && !c.age().get().fits(range[0], range[1])) {
                return false;
            }
        }
        if (!c.brands().isEmpty() && c.brands().stream().noneMatch(b -> b.equalsIgnoreCase(p.brand()))) {
            return false;
        }
        if (!c.categories().isEmpty() && c.categories().stream()
                .noneMatch(cat -> p.categoryPath().stream().anyMatch(cat::equalsIgnoreCase))) {
            return false;
        }
        for (Map.Entry<String, String> wanted : c.attributes().entrySet()) {
            if (wanted.getValue().isBlank()) {
                continue;
            }
            Optional<Attribute> a = p.attributes().stream().filter(x -> x.name().equalsIgnoreCase(wanted.getKey())).findFirst();
            if (a.isEmpty()) {
                // The product's shelf does not describe this attribute ("waterproof" is a yes/no of shoes, a
                // speaker states "water resistance IPX5"): a wish it cannot be checked against rules nothing out.
                continue;
            }
            String v = wanted.getValue().toLowerCase(Locale.ROOT);
            if (!(a.get().value().equalsIgnoreCase(v) || a.get().display().equalsIgnoreCase(v))) {
                return false;
            }
        }
        return true;
    }
}
