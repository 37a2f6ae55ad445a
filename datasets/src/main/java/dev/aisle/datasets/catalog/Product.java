package dev.aisle.datasets.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One catalogue item as a shopper sees it on a product page.
 *
 * @param id           ASIN-like identifier, e.g. {@code B0GLV12345}
 * @param categoryPath department first, leaf category last, e.g. [Sports, Golf, Golf Gloves]
 * @param price        current price in US dollars
 * @param listPrice    the "was" price; equal to price when not discounted
 * @param rating       mean star rating, 1.0–5.0, one decimal
 * @param attributes   typed attributes that matter for the category, units included
 */
public record Product(
        String id,
        String title,
        String brand,
        List<String> categoryPath,
        double price,
        double listPrice,
        double rating,
        int reviewCount,
        List<Attribute> attributes,
        List<String> bullets,
        String description) {

    public Product {
        categoryPath = List.copyOf(categoryPath);
        attributes = List.copyOf(attributes);
        bullets = List.copyOf(bullets);
    }

    public String department() {
        return categoryPath.get(0);
    }

    public String category() {
        return categoryPath.get(categoryPath.size() - 1);
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
