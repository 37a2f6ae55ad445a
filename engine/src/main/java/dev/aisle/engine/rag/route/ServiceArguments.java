package dev.aisle.engine.rag.route;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extras a store service call carries beyond the product: for now the delivery postcode a
 * shopper wrote in the question ("delivery to 94103?", "to SW1A 1AA by Friday?").
 */
public final class ServiceArguments {

    /** Argument name of the shopper's postcode, upper case with single spaces. */
    public static final String POSTCODE = "postcode";

    // A US ZIP (optionally ZIP+4) or a UK postcode; other digits in a question (prices, sizes) are
    // only taken when a delivery word ("to", "zip", "postcode") comes right before them.
    private static final Pattern POSTCODE_AFTER_CUE = Pattern.compile(
            "\\b(?:to|zip|zip code|postcode|post code|in)\\s+(\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})\\b",
            Pattern.CASE_INSENSITIVE);

    private ServiceArguments() {
    }

    /** Arguments found in {@code question}; empty when it names no postcode. */
    public static Map<String, String> from(String question) {
        Matcher m = POSTCODE_AFTER_CUE.matcher(question);
        if (!m.find()) {
            return Map.of();
        }
        return Map.of(POSTCODE, m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
    }
}
