package dev.aisle.engine.train.data;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.prompt.EvidenceLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes grounded examples for the five intents. Every price, rating and attribute in an answer is
 * copied from the catalogue record that is also in the evidence, and every {@code <product>},
 * {@code <compare>} and {@code <cite>} refers to an item of that example's evidence.
 * Phrasings vary so that the model learns the facts, not one sentence.
 */
final class GroundedExamples {

    private final ShopIndex shop;

    GroundedExamples(ShopIndex shop) {
        this.shop = shop;
    }

    static String product(Product p) {
        return "<product id=\"" + p.id() + "\"/>";
    }

    static String link(List<String> path, String text) {
        return "<link to=\"category:" + ShopText.categoryPath(path) + "\">" + text + "</link>";
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** Retrieval returns a handful of items; prompts stay well inside the context. */
    private int evidenceSize(Random r) {
        return 3 + r.nextInt(3);
    }

    /**
     * True when the attribute survives the cut of the product's evidence line: an answer may only
     * state what the model can read.
     */
    static boolean visible(Product p, String attribute) {
        return p.attribute(attribute)
                .map(a -> EvidenceText.product(p).contains(a.name().replace('_', ' ') + " " + a.display() + "."))
                .orElse(false);
    }

    // ------------------------------------------------------------------ product detail

    Optional<SftExample> detail(String sourceId, String question, Product p, List<String> fields, Random r) {
        EvidenceDraft d = new EvidenceDraft();
        String spec = shop.addProduct(d, p);
        Optional<String> review = r.nextBoolean() ? shop.addReview(d, p, r) : Optional.empty();
        if (r.nextBoolean()) {
            shop.addQa(d, p, r);
        }
        shop.addDistractors(d, shop.sameCategory(p), evidenceSize(r), r);
        List<EvidenceLine> lines = d.number(r);
        StringBuilder a = new StringBuilder();
        List<String> facts = new ArrayList<>();
        for (String f : fields) {
            if (f.equals("price") || f.equals("rating") || visible(p, f)) {
                facts.add(fact(p, f, r));
            }
        }
        if (facts.isEmpty()) {
            facts.add(fact(p, "price", r));
        }
        if (facts.size() == 1) {
            a.append(facts.get(0));
        } else {
            a.append(pick(r, "Here are the details of the ", "About the ")).append(p.title()).append(": ")
                    .append(String.join(", ", facts));
        }
        a.append(' ').append(d.cite(spec)).append(". ");
        review.ifPresent(k -> a.append(pick(r, "A shopper review is here too ", "See also what a reviewer says "))
                .append(d.cite(k)).append(". "));
        a.append(product(p));
        return Optional.of(new SftExample(sourceId, Intent.PRODUCT_DETAIL, question, lines, a.toString()));
    }

    /** One stated fact, e.g. "the drop of the X is 8 mm". */
    private static String fact(Product p, String field, Random r) {
        return switch (field) {
            case "price" -> pick(r, "The " + p.title() + " costs " + ShopText.price(p.price()),
                    "The " + p.title() + " is " + ShopText.price(p.price()),
                    "It is priced at " + ShopText.price(p.price()));
            case "rating" -> pick(r, "The " + p.title() + " is rated " + ShopText.rating(p.rating()) + " out of 5 from "
                            + p.reviewCount() + " reviews",
                    "Shoppers rate the " + p.title() + " " + ShopText.rating(p.rating()) + " out of 5");
            default -> p.attribute(field)
                    .map(att -> att.unit().isEmpty()
                            ? pick(r, "For the " + p.title() + ", " + att.name() + ": " + att.display(),
                            "The " + p.title() + " lists " + att.name() + " as " + att.display())
                            : pick(r, "The " + att.name() + " of the " + p.title() + " is " + att.display(),
                            "The " + p.title() + " has a " + att.name() + " of " + att.display(),
                            "Its " + att.name() + " is " + att.display()))
                    .orElse("The " + p.title() + " costs " + ShopText.price(p.price()));
        };
    }

    Optional<SftExample> syntheticDetail(int n, Random r) {
        Product p = shop.pick(shop.products, r);
        List<String> fields = new ArrayList<>();
        String question;
        int kind = r.nextInt(10);
        List<Attribute> readable = p.attributes().stream().filter(a -> visible(p, a.name())).toList();
        if (kind < 6 && !readable.isEmpty()) {
            Attribute att = shop.pick(readable, r);
            fields.add(att.name());
            question = pick(r, "What is the " + att.name() + " of the " + p.title() + "?",
                    "What " + att.name() + " does the " + p.title() + " have?",
                    p.title() + ": what's the " + att.name() + "?",
                    "Tell me the " + att.name() + " of the " + p.title() + ".");
        } else if (kind < 8) {
            fields.add("price");
            question = pick(r, "How much is the " + p.title() + "?", "What does the " + p.title() + " cost?",
                    "Price of the " + p.title() + "?");
        } else {
            fields.add("rating");
            fields.add("price");
            readable.stream().limit(2).forEach(att -> fields.add(att.name()));
            question = pick(r, "Tell me about the " + p.title() + ".", "What do you know about the " + p.title() + "?",
                    "Is the " + p.title() + " any good?");
        }
        return detail("synthetic:detail:" + n, question, p, fields, r);
    }

    // ------------------------------------------------------------------ comparison

    Optional<SftExample> comparison(String sourceId, String question, List<Product> ps, Random r) {
        if (ps.size() < 2) {
            return Optional.empty();
        }
        EvidenceDraft d = new EvidenceDraft();
        List<String> specs = new ArrayList<>();
        for (Product p : ps) {
            specs.add(shop.addProduct(d, p));
            if (r.nextInt(3) == 0) {
                shop.addReview(d, p, r);
            }
        }
        shop.addDistractors(d, shop.sameCategory(ps.get(0)), Math.max(evidenceSize(r), ps.size() + 2), r);
        List<EvidenceLine> lines = d.number(r);
        StringBuilder a = new StringBuilder();
        a.append("<compare ids=\"").append(ps.stream().map(Product::id).collect(Collectors.joining(","))).append("\"/> ");
        for (int i = 0; i < ps.size(); i++) {
            Product p = ps.get(i);
            a.append(i == 0 ? "The " : pick(r, "The ", "By comparison, the ")).append(p.title())
                    .append(pick(r, " costs ", " is ")).append(ShopText.price(p.price()))
                    .append(" and is rated ").append(ShopText.rating(p.rating())).append(' ')
                    .append(d.cite(specs.get(i))).append(". ");
        }
        differingAttribute(ps).ifPresent(name -> {
            a.append("On ").append(name).append(": ");
            a.append(ps.stream().map(p -> "the " + p.title() + " has " + p.attribute(name).orElseThrow().display())
                    .collect(Collectors.joining(", "))).append(". ");
        });
        Product best = ps.stream().max(Comparator.comparingDouble(Product::rating)).orElseThrow();
        Product cheapest = ps.stream().min(Comparator.comparingDouble(Product::price)).orElseThrow();
        if (best == cheapest) {
            a.append(pick(r, "The " + best.title() + " is both the better rated and the cheaper one. ",
                    "I'd pick the " + best.title() + ": higher rated and cheaper. "));
        } else {
            a.append(pick(r, "If rating matters most, go for the " + best.title() + "; the " + cheapest.title()
                            + " saves you " + ShopText.price(priciest(ps).price() - cheapest.price()) + ". ",
                    "The " + best.title() + " is better rated, while the " + cheapest.title() + " is the budget choice. "));
        }
        a.append(product(best));
        return Optional.of(new SftExample(sourceId, Intent.COMPARISON, question, lines, a.toString().strip()));
    }

    private static Product priciest(List<Product> ps) {
        return ps.stream().max(Comparator.comparingDouble(Product::price)).orElseThrow();
    }

    /** An attribute all products have with different values: the one worth pointing out. */
    private static Optional<String> differingAttribute(List<Product> ps) {
        for (Attribute att : ps.get(0).attributes()) {
            boolean allHave = ps.stream().allMatch(p -> visible(p, att.name()));
            if (allHave && ps.stream().map(p -> p.attribute(att.name()).orElseThrow().display()).distinct().count() > 1) {
                return Optional.of(att.name());
            }
        }
        return Optional.empty();
    }

    Optional<SftExample> syntheticComparison(int n, Random r) {
        String cat = shop.pick(shop.categories, r);
        List<Product> inCat = new ArrayList<>(shop.byCategory.get(cat));
        if (inCat.size() < 2) {
            return Optional.empty();
        }
        java.util.Collections.shuffle(inCat, r);
        List<Product> ps = inCat.subList(0, inCat.size() >= 3 && r.nextInt(5) == 0 ? 3 : 2);
        String names = ps.stream().map(p -> "the " + p.title()).collect(Collectors.joining(" or "));
        String question = pick(r, "Which is better, " + names + "?", "Compare " + ps.stream().map(p -> "the " + p.title())
                        .collect(Collectors.joining(" and ")) + ".",
                "Should I buy " + names + "?", "What's the difference between " + ps.stream().map(p -> "the " + p.title())
                        .collect(Collectors.joining(" and ")) + "?");
        return comparison("synthetic:comparison:" + n, question, List.copyOf(ps), r);
    }

    // ------------------------------------------------------------------ recommendation

    /**
     * Recommends the products under {@code maxPrice} (or all, when it is not positive) among the
     * candidates; candidates over budget are in the evidence too, so the model learns to filter.
     */
    Optional<SftExample> recommendation(String sourceId, String question, List<Product> candidates, double maxPrice,
                                        Random r) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        EvidenceDraft d = new EvidenceDraft();
        List<Product> fits = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (Product p : candidates) {
            shop.addProduct(d, p);
            if (maxPrice <= 0 || p.price() <= maxPrice) {
                fits.add(p);
            }
        }
        List<String> path = candidates.get(0).categoryPath();
        Optional<BuyingGuide> guide = r.nextBoolean() ? shop.guideFor(path, r) : Optional.empty();
        guide.ifPresent(g -> shop.addGuide(d, g));
        shop.addDistractors(d, List.of(), Math.max(evidenceSize(r), d.size() + 1), r);
        List<EvidenceLine> lines = d.number(r);
        fits.sort(Comparator.comparingDouble(Product::rating).reversed());
        StringBuilder a = new StringBuilder();
        String leaf = candidates.get(0).category().toLowerCase(java.util.Locale.ROOT);
        if (fits.isEmpty()) {
            Product cheapest = candidates.stream().min(Comparator.comparingDouble(Product::price)).orElseThrow();
            a.append("None of the ").append(leaf).append(" I found is under ").append(ShopText.price(maxPrice))
                    .append(". The cheapest is the ").append(cheapest.title()).append(" at ")
                    .append(ShopText.price(cheapest.price())).append(' ').append(d.cite("product:" + cheapest.id()))
                    .append(". ").append(product(cheapest));
        } else {
            a.append(maxPrice > 0
                    ? pick(r, "Here are good picks under " + ShopText.price(maxPrice) + ":",
                    "These fit your budget of " + ShopText.price(maxPrice) + ":")
                    : pick(r, "Here are the best rated options:", "I'd recommend these:"));
            for (Product p : fits.subList(0, Math.min(3, fits.size()))) {
                a.append(' ').append(product(p)).append(" the ").append(p.title()).append(", ")
                        .append(ShopText.price(p.price())).append(", rated ").append(ShopText.rating(p.rating()))
                        .append(' ').append(d.cite("product:" + p.id())).append('.');
            }
            candidates.stream().filter(p -> !fits.contains(p)).findFirst().ifPresent(p ->
                    a.append(" I left out the ").append(p.title()).append(": at ").append(ShopText.price(p.price()))
                            .append(" it is over your budget."));
        }
        guide.ifPresent(g -> a.append(' ').append(pick(r, "For what to look for, see the guide ", "Tip: read the guide "))
                .append(d.cite("guide:" + g.id())).append('.'));
        a.append(' ').append(link(path, pick(r, "See all ", "Browse more ") + leaf));
        specs.clear();
        return Optional.of(new SftExample(sourceId, Intent.RECOMMENDATION, question, lines, a.toString()));
    }

    Optional<SftExample> syntheticRecommendation(int n, Random r) {
        String cat = shop.pick(shop.categories, r);
        List<Product> inCat = new ArrayList<>(shop.byCategory.get(cat));
        java.util.Collections.shuffle(inCat, r);
        List<Product> candidates = inCat.subList(0, Math.min(inCat.size(), 3 + r.nextInt(3)));
        String leaf = candidates.get(0).category().toLowerCase(java.util.Locale.ROOT);
        double maxPrice = 0;
        String question;
        if (r.nextInt(4) > 0) {
            List<Double> prices = candidates.stream().map(Product::price).sorted().toList();
            double pivot = prices.get(r.nextInt(prices.size()));
            maxPrice = Math.max(5, Math.ceil(pivot / 5.0) * 5);
            if (r.nextInt(10) == 0) {
                maxPrice = Math.max(1, Math.floor(prices.get(0) / 2)); // nothing fits: teach the honest answer
            }
            String cap = ShopText.price(maxPrice).replace(".00", "");
            question = pick(r, "Can you recommend " + leaf + " under " + cap + "?",
                    "What are the best " + leaf + " for less than " + cap + "?",
                    "I need " + leaf + ", budget " + cap + ". What do you suggest?",
                    "Good " + leaf + " under " + cap + "?");
        } else {
            question = pick(r, "What are the best " + leaf + "?", "Recommend some " + leaf + ".",
                    "Which " + leaf + " should I get?");
        }
        return recommendation("synthetic:recommendation:" + n, question, List.copyOf(candidates), maxPrice, r);
    }

    // ------------------------------------------------------------------ advice

    Optional<SftExample> advice(String sourceId, String question, BuyingGuide g, List<Product> related, Random r) {
        EvidenceDraft d = new EvidenceDraft();
        String main = shop.addGuide(d, g);
        Product top = related.stream().max(Comparator.comparingDouble(Product::rating)).orElse(null);
        if (top != null) {
            shop.addProduct(d, top);
            related.stream().filter(p -> p != top).limit(1 + r.nextInt(2)).forEach(p -> shop.addProduct(d, p));
        }
        shop.addDistractors(d, List.of(), evidenceSize(r), r);
        List<EvidenceLine> lines = d.number(r);
        StringBuilder a = new StringBuilder();
        // the guide's opening is what the evidence shows (items are cut to the packer's budget)
        a.append(firstSentences(g.paragraphs().get(0), 2)).append(' ').append(d.cite(main));
        if (top != null) {
            a.append(pick(r, " A well rated choice is the ", " To start, consider the ")).append(top.title())
                    .append(" (").append(ShopText.price(top.price())).append(", rated ").append(ShopText.rating(top.rating()))
                    .append(") ").append(d.cite("product:" + top.id())).append(". ").append(product(top));
        }
        if (!g.categoryPath().isEmpty()) {
            a.append(' ').append(link(g.categoryPath(), pick(r, "Browse ", "Shop ")
                    + g.categoryPath().get(g.categoryPath().size() - 1).toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.of(new SftExample(sourceId, Intent.ADVICE, question, lines, a.toString()));
    }

    static String firstSentences(String paragraph, int n) {
        String text = paragraph.strip().replaceAll("\\s+", " ");
        int end = -1;
        for (int i = 0; i < n; i++) {
            int next = text.indexOf(". ", end + 1);
            if (next < 0) {
                return ShopText.clip(text, 300);
            }
            end = next;
        }
        return ShopText.clip(text.substring(0, end + 1), 300);
    }

    Optional<SftExample> syntheticAdvice(int n, Random r) {
        if (shop.guides.isEmpty()) {
            return Optional.empty();
        }
        BuyingGuide g = shop.pick(shop.guides, r);
        String topic = g.categoryPath().isEmpty() ? g.title() : g.categoryPath().get(g.categoryPath().size() - 1);
        String t = topic.toLowerCase(java.util.Locale.ROOT);
        String question = pick(r, "What should I look for when buying " + t + "?", "Any tips for choosing " + t + "?",
                "How do I pick the right " + t + "?", "What matters most in " + t + "?",
                g.title() + ": what do I need to know?");
        List<Product> related = relatedProducts(g.categoryPath());
        List<Product> shuffled = new ArrayList<>(related);
        java.util.Collections.shuffle(shuffled, r);
        return advice("synthetic:advice:" + n, question, g, shuffled.subList(0, Math.min(3, shuffled.size())), r);
    }

    private List<Product> relatedProducts(List<String> path) {
        String prefix = ShopText.categoryPath(path);
        List<Product> out = new ArrayList<>();
        shop.byCategory.forEach((cat, ps) -> {
            if (cat.equals(prefix) || cat.startsWith(prefix + "/")) {
                out.addAll(ps);
            }
        });
        out.sort(Comparator.comparing(Product::id));
        return out;
    }

    // ------------------------------------------------------------------ store service

    Optional<SftExample> service(String sourceId, String question, Product p, String aspect, Random r) {
        EvidenceDraft d = new EvidenceDraft();
        ServiceQuote q = shop.quote(p, r);
        String[] svc = shop.addServices(d, p, q);
        shop.addProduct(d, p);
        shop.addDistractors(d, shop.sameCategory(p), evidenceSize(r) + 2, r);
        List<EvidenceLine> lines = d.number(r);
        String price = "The " + p.title() + " costs " + ShopText.price(q.price()) + " now " + d.cite(svc[0]) + ".";
        String stock = q.inStock() == 0
                ? "It is out of stock; it should be back in about " + q.restockDays() + " days " + d.cite(svc[1]) + "."
                : (q.inStock() <= 5 ? "Only " + q.inStock() + " are left in stock " : "It is in stock (" + q.inStock() + " units) ")
                + d.cite(svc[1]) + ".";
        String delivery = q.inStock() == 0 ? ""
                : "Delivery takes " + q.deliveryDays() + " business day" + (q.deliveryDays() == 1 ? "" : "s")
                + (q.price() >= 35 ? " with free shipping " : " (shipping $5.99) ") + d.cite(svc[2]) + ".";
        String body = switch (aspect) {
            case "price" -> price + " " + stock;
            case "delivery" -> q.inStock() == 0 ? stock + " So there is no delivery promise right now." : delivery + " " + stock;
            default -> stock + (delivery.isEmpty() ? "" : " " + delivery);
        };
        return Optional.of(new SftExample(sourceId, Intent.STORE_SERVICE, question, lines, body + " " + product(p)));
    }

    Optional<SftExample> syntheticService(int n, Random r) {
        Product p = shop.pick(shop.products, r);
        String aspect = pick(r, "stock", "price", "delivery");
        String question = switch (aspect) {
            case "price" -> pick(r, "What's the price of the " + p.title() + " today?",
                    "Is the " + p.title() + " on sale? How much is it now?");
            case "delivery" -> pick(r, "How fast can I get the " + p.title() + "?",
                    "When would the " + p.title() + " arrive if I order now?");
            default -> pick(r, "Is the " + p.title() + " in stock?", "Do you have the " + p.title() + " available?");
        };
        return service("synthetic:service:" + n, question, p, aspect, r);
    }
}
