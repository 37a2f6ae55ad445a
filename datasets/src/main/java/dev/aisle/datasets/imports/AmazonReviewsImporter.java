package dev.aisle.datasets.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.reviews.Review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Reviews 2023 JSONL. A file may hold item metadata lines (parent_asin, title,
 * main_category, categories, price, average_rating, rating_number, features, description,
 * details, store) and review lines (rating, title, text, asin, parent_asin, user_id, timestamp,
 * helpful_vote, verified_purchase); each line is recognised by its fields.
 */
final class AmazonReviewsImporter implements Importer {

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([A-Za-z\"'°%][^\\d]{0,20})$");

    @Override
    public void read(Path file, ImportBatch batch, Problems problems) throws IOException {
        JsonLines.read(file, batch, problems, (node, line) -> {
            if (node.has("rating") && (node.has("text") || node.has("user_id"))) {
                batch.add(review(node));
            } else if (node.has("parent_asin") && node.has("title")) {
                batch.add(item(node));
            } else {
                throw new IllegalArgumentException("neither an item (parent_asin, title) nor a review (rating, text)");
            }
        });
    }

    static Product item(JsonNode node) {
        String id = JsonLines.text(node, "parent_asin");
        String title = JsonLines.text(node, "title");
        List<String> path = new ArrayList<>();
        String main = JsonLines.optionalText(node, "main_category");
        if (!main.isEmpty()) {
            path.add(main);
        }
        for (String c : JsonLines.texts(node, "categories")) {
            if (!path.contains(c)) {
                path.add(c);
            }
        }
        if (path.isEmpty()) {
            path.add("Imported");
        }
        double price = JsonLines.number(node, "price");
        if (!Double.isNaN(price) && price < 0) {
            throw new IllegalArgumentException("'price' must not be negative, got " + price);
        }
        price = Double.isNaN(price) ? 0 : JsonLines.cents(price);
        double rating = JsonLines.number(node, "average_rating");
        if (!Double.isNaN(rating) && (rating < 0 || rating > 5)) {
            throw new IllegalArgumentException("'average_rating' must be between 0 and 5, got " + rating);
        }
        double count = JsonLines.number(node, "rating_number");
        List<Attribute> attributes = new ArrayList<>();
        JsonNode details = node.get("details");
        String brand = JsonLines.optionalText(node, "store");
        if (details != null && details.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode() || e.getKey().isBlank()) {
                    continue;
                }
                String value = e.getValue().asText().trim();
                if (e.getKey().equalsIgnoreCase("Brand") && brand.isEmpty()) {
                    brand = value;
                }
                attributes.add(attribute(e.getKey(), value));
            }
        }
        return new Product(id, title, brand, path, price, price, Double.isNaN(rating) ? 0 : rating,
                Double.isNaN(count) ? 0 : (int) count, attributes, JsonLines.texts(node, "features"),
                String.join(" ", JsonLines.texts(node, "description")));
    }

    /** "12 ounces" becomes value 12, unit ounces, so imported attributes are typed like ours. */
    static Attribute attribute(String name, String value) {
        Matcher m = NUMBER_WITH_UNIT.matcher(value);
        return m.matches() ? new Attribute(name, m.group(1), m.group(2).trim()) : Attribute.text(name, value);
    }

    static Review review(JsonNode node) {
        String product = JsonLines.optionalText(node, "parent_asin", "asin");
        if (product.isEmpty()) {
            throw new IllegalArgumentException("missing 'parent_asin' and 'asin'");
        }
        int stars = JsonLines.stars(node, "rating");
        String user = JsonLines.optionalText(node, "user_id");
        double ts = JsonLines.number(node, "timestamp");
        String date = Double.isNaN(ts) ? "" : Instant.ofEpochMilli((long) ts).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String text = JsonLines.optionalText(node, "text");
        String title = JsonLines.optionalText(node, "title");
        if (text.isEmpty() && title.isEmpty()) {
            throw new IllegalArgumentException("review has neither 'text' nor 'title'");
        }
        String id = "R-" + product + "-" + (user.isEmpty() ? Integer.toHexString(text.hashCode()) : user)
                + (Double.isNaN(ts) ? "" : "-" + (long) ts);
        JsonNode verified = node.get("verified_purchase");
        return new Review(id, product, stars, title, text, user, date,
                JsonLines.votes(node, "helpful_vote", "helpful_votes"), verified != null && verified.asBoolean());
    }
}
