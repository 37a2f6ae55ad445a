package dev.aisle.datasets.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.CorpusJson;
import dev.aisle.datasets.reviews.Review;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dummyjson-style product JSON: {@code {"products":[{id, title, description, category, price,
 * discountPercentage, rating, brand, tags, stock, weight, dimensions, reviews:[{rating, comment,
 * date, reviewerName}]}]}} (a bare array of products works too). The document is streamed; a
 * product that cannot be used is reported at the line where it starts, and broken JSON stops the
 * file at the line where it breaks.
 */
final class DummyJsonImporter implements Importer {

    @Override
    public void read(Path file, ImportBatch batch, Problems problems) throws IOException {
        try (BufferedReader reader = JsonLines.open(file);
             JsonParser parser = CorpusJson.MAPPER.getFactory().createParser(reader)) {
            parser.setCodec(CorpusJson.MAPPER);
            try {
                if (!seekProducts(parser)) {
                    problems.report(file, parser.currentLocation().getLineNr(),
                            "expected {\"products\": [...]} or a JSON array of products");
                    return;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode node = parser.readValueAsTree();
                    batch.countLine();
                    try {
                        read(node, batch);
                    } catch (IllegalArgumentException e) {
                        problems.report(file, line, e.getMessage());
                    }
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.report(file, line, "not valid JSON (" + e.getOriginalMessage() + "); rest of file skipped");
            }
        }
    }

    /** Moves the parser to the start of the products array; false when there is none. */
    private static boolean seekProducts(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("products".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static void read(JsonNode node, ImportBatch batch) {
        if (!node.hasNonNull("id")) {
            throw new IllegalArgumentException("product without 'id'");
        }
        String id = "DJ-" + node.get("id").asText();
        String title = JsonLines.text(node, "title");
        String category = JsonLines.optionalText(node, "category");
        double price = JsonLines.number(node, "price");
        if (Double.isNaN(price) || price < 0) {
            throw new IllegalArgumentException("product " + node.get("id").asText() + " needs a non-negative 'price'");
        }
        double discount = JsonLines.number(node, "discountPercentage");
        double listPrice = Double.isNaN(discount) || discount <= 0 || discount >= 100 ? price
                : JsonLines.cents(price / (1 - discount / 100));
        double rating = JsonLines.number(node, "rating");
        if (!Double.isNaN(rating) && (rating < 0 || rating > 5)) {
            throw new IllegalArgumentException("'rating' must be between 0 and 5, got " + rating);
        }
        List<Attribute> attributes = new ArrayList<>();
        addIfPresent(attributes, node, "weight", "weight");
        JsonNode dims = node.get("dimensions");
        if (dims != null && dims.isObject()) {
            for (String d : List.of("width", "height", "depth")) {
                addIfPresent(attributes, dims, d, d);
            }
        }
        addIfPresent(attributes, node, "stock", "stock");
        for (String[] f : new String[][] {{"warrantyInformation", "warranty"}, {"shippingInformation", "shipping"},
                {"availabilityStatus", "availability"}, {"returnPolicy", "return policy"}, {"sku", "sku"}}) {
            String v = JsonLines.optionalText(node, f[0]);
            if (!v.isEmpty()) {
                attributes.add(Attribute.text(f[1], v));
            }
        }
        List<String> tags = JsonLines.texts(node, "tags");
        if (!tags.isEmpty()) {
            attributes.add(Attribute.text("tags", String.join(", ", tags)));
        }
        List<Review> reviews = new ArrayList<>();
        JsonNode list = node.get("reviews");
        if (list != null && list.isArray()) {
            int n = 0;
            for (JsonNode r : list) {
                n++;
                String comment = JsonLines.optionalText(r, "comment", "text");
                String date = JsonLines.optionalText(r, "date");
                reviews.add(new Review(id + "-R" + n, id, JsonLines.stars(r, "rating"), "", comment,
                        JsonLines.optionalText(r, "reviewerName"), date.length() >= 10 ? date.substring(0, 10) : date, 0, false));
            }
        }
        List<String> path = category.isEmpty() ? List.of("Imported") : List.of(titleCase(category));
        List<String> bullets = new ArrayList<>();
        for (String f : List.of("warrantyInformation", "shippingInformation", "returnPolicy")) {
            String v = JsonLines.optionalText(node, f);
            if (!v.isEmpty()) {
                bullets.add(v);
            }
        }
        batch.add(new Product(id, title, JsonLines.optionalText(node, "brand"), path, JsonLines.cents(price), listPrice,
                Double.isNaN(rating) ? 0 : rating, reviews.size(), attributes, bullets,
                JsonLines.optionalText(node, "description")));
        reviews.forEach(batch::add);
    }

    private static void addIfPresent(List<Attribute> attributes, JsonNode node, String field, String name) {
        double v = JsonLines.number(node, field);
        if (!Double.isNaN(v)) {
            attributes.add(Attribute.text(name, v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
        }
    }

    /** "mens-shoes" becomes "Mens Shoes". */
    static String titleCase(String category) {
        StringBuilder sb = new StringBuilder();
        for (String word : category.replace('-', ' ').replace('_', ' ').trim().split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return sb.toString();
    }
}
