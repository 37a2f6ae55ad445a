package dev.aisle.engine.rag.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an answer must respect or talk about.
 *
 * @param categories    category names from the catalogue (any level of the path), most specific first
 * @param attributes    attribute name to wanted value; "" when the shopper only asks about it ("what's its drop?")
 * @param brands        brand names as the catalogue spells them
 * @param namedProducts product ids named in the question (by name or id), not by reference to earlier turns
 */
public record Constraints(Optional<PriceRange> price, Optional<AgeRange> age, Optional<String> size,
                         List<String> categories, Map<String, String> attributes, List<String> brands,
                         List<String> namedProducts) {

    public Constraints {
        categories = List.copyOf(categories);
        attributes = Map.copyOf(attributes);
        brands = List.copyOf(brands);
        namedProducts = List.copyOf(namedProducts);
    }

    public static Constraints none() {
        return new Constraints(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(), List.of(), List.of());
    }

    public Constraints withCategories(List<String> c) {
        return new Constraints(price, age, size, c, attributes, brands, namedProducts);
    }
}
