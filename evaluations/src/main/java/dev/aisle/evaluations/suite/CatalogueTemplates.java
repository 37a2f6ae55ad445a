package dev.aisle.evaluations.suite;

import dev.aisle.datasets.catalog.Product;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of hand-written suites with real catalogue products, so that a
 * hand-written case works on any corpus: {@code {{id:N}}}, {@code {{title:N}}} and
 * {@code {{price:N}}} name the N-th product (1-based, catalogue order), and
 * {@code {{repeat-to:L}}} at the end of a question repeats the text before it up to exactly L
 * characters.
 */
public final class CatalogueTemplates {

    private static final Pattern FIELD = Pattern.compile("\\{\\{(id|title|price):(\\d+)}}");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat-to:(\\d+)}}$");

    private CatalogueTemplates() {
    }

    public static String fill(String text, List<Product> catalogue, String where) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || n > catalogue.size()) {
                throw new IllegalArgumentException(where + ": placeholder " + m.group() + " needs at least " + n
                        + " catalogue products, the catalogue has " + catalogue.size());
            }
            Product p = catalogue.get(n - 1);
            String value = switch (m.group(1)) {
                case "id" -> p.id();
                case "title" -> p.title();
                default -> String.format(Locale.ROOT, "%.2f", p.price());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        Matcher r = REPEAT.matcher(out);
        if (r.find()) {
            int length = Integer.parseInt(r.group(1));
            String unit = out.substring(0, r.start()).strip();
            if (unit.isEmpty()) {
                throw new IllegalArgumentException(where + ": {{repeat-to}} needs text before it");
            }
            StringBuilder longText = new StringBuilder();
            while (longText.length() < length) {
                longText.append(unit).append(' ');
            }
            return longText.substring(0, length);
        }
        return out.toString();
    }

    /** The item with every text field filled. */
    public static SuiteItem fill(SuiteItem item, List<Product> catalogue, String where) {
        String w = where + " item " + item.id();
        return new SuiteItem(item.id(), item.kind(), fill(item.question(), catalogue, w), item.intent(),
                item.judgments().stream().map(j -> new GradedJudgment(fill(j.docId(), catalogue, w), j.gain())).toList(),
                item.expectedProductIds().stream().map(s -> fill(s, catalogue, w)).toList(),
                item.facts().stream().map(f -> new Fact(fill(f.productId(), catalogue, w), f.field(), fill(f.value(), catalogue, w))).toList(),
                item.history().stream().map(t -> new Turn(fill(t.question(), catalogue, w), fill(t.answer(), catalogue, w))).toList(),
                item.injected().stream().map(e -> new InjectedEvidence(e.source(), fill(e.productId(), catalogue, w), fill(e.text(), catalogue, w))).toList(),
                item.forbidden(), item.candidates(), item.referenceAnswer(), item.tags());
    }
}
