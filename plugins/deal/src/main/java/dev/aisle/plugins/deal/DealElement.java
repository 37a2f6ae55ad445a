package dev.aisle.plugins.deal;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.spi.MarkupElementPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code <deal id="B0…"/>}: one line saying how much the product is off its list price, or that it
 * is at full price. Savings are whole percent, rounded down, so a deal is never overstated.
 */
public final class DealElement implements MarkupElementPlugin {

    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    @Override
    public String tagName() {
        return "deal";
    }

    /** The id must be a product of the answer's evidence: the parser checks it, the constrained decoder offers only those. */
    @Override
    public Set<String> productAttributes() {
        return Set.of("id");
    }

    @Override
    public List<String> validate(Map<String, String> attributes) {
        List<String> problems = new ArrayList<>();
        String id = attributes.get("id");
        if (id == null) {
            problems.add("<deal> needs an id attribute");
        } else if (!PRODUCT_ID.matcher(id).matches()) {
            problems.add("<deal> id '" + id + "' is not a product id (letters, digits, '-' and '_', at most 40)");
        }
        attributes.keySet().stream().filter(k -> !k.equals("id")).sorted()
                .forEach(k -> problems.add("<deal> has unknown attribute '" + k + "'; only id is allowed"));
        return problems;
    }

    @Override
    public Optional<Hydrated> hydrate(Map<String, String> attributes, Function<String, Optional<Product>> catalogue) {
        return catalogue.apply(attributes.get("id")).map(p -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("id", p.id());
            f.put("title", p.title());
            f.put("price", money(p.price()));
            if (p.listPrice() > p.price() + 0.005) {
                f.put("listPrice", money(p.listPrice()));
                f.put("save", money(p.listPrice() - p.price()));
                f.put("savePercent", Integer.toString((int) Math.floor(100 * (p.listPrice() - p.price()) / p.listPrice() + 1e-9)));
            }
            return new Hydrated(tagName(), f);
        });
    }

    @Override
    public String renderText(Hydrated e) {
        Map<String, String> f = e.fields();
        if (!f.containsKey("listPrice")) {
            return f.get("title") + ": $" + f.get("price") + " (full price, no current deal)";
        }
        return "Deal: " + f.get("title") + " \u2014 $" + f.get("price") + ", was $" + f.get("listPrice")
                + " (save $" + f.get("save") + ", " + f.get("savePercent") + "%)";
    }

    @Override
    public String renderHtml(Hydrated e) {
        Map<String, String> f = e.fields();
        String open = "<span class=\"aisle-deal\" data-product-id=\"" + MarkupElementPlugin.escapeHtml(f.get("id")) + "\">";
        String title = MarkupElementPlugin.escapeHtml(f.get("title"));
        if (!f.containsKey("listPrice")) {
            return open + title + ": $" + f.get("price") + " <small>(full price)</small></span>";
        }
        return open + "<strong>Deal</strong>: " + title + " \u2014 <ins>$" + f.get("price") + "</ins> <del>$"
                + f.get("listPrice") + "</del> (save " + f.get("savePercent") + "%)</span>";
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
