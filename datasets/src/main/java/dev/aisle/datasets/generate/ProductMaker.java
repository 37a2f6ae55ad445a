package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.generate.shelf.Aspect;
import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.CategorySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Draws one product of a category: hidden quality first (with a brand reputation), then the
 * attributes in the order the shelf lists them, the price, the hidden aspect scores, and finally
 * the title, bullets and description that show those attributes.
 */
final class ProductMaker {

    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Set<String> usedIds = new java.util.HashSet<>();
    private final Set<String> usedNames = new java.util.HashSet<>();

    /** A finished item whose product still lacks rating and review count (set once reviews exist). */
    Draft make(CategorySpec spec, Rng rng) {
        String brand = rng.pick(spec.brands());
        double reputation = ((brand.hashCode() & 0xff) / 255.0 - 0.5) * 0.2;
        double quality = clamp(0.66 + reputation + 0.2 * rng.gaussian(), 0.03, 0.99);
        Item item = new Item(spec, quality);
        item.setNaming(brand, uniqueModel(spec, brand, rng));
        for (AttributeSpec a : spec.attributes()) {
            if (a.appliesTo(item)) {
                item.putAttribute(new Attribute(a.name(), a.draw(item, rng), a.unit()));
            }
        }
        item.setPrice(price(spec, quality, rng));
        for (Aspect aspect : spec.aspects()) {
            double score = clamp(quality + 0.17 * rng.gaussian(), 0, 1);
            int bias = aspect.bias(item);
            if (bias == Aspect.SKIP) {
                continue;
            }
            if (bias > 0) {
                score = Math.max(score, 0.62 + 0.3 * rng.unit());
            } else if (bias < 0) {
                score = Math.min(score, 0.38 * rng.unit());
            }
            item.putAspectScore(aspect.name(), score);
        }
        double listPrice = rng.chance(0.3) ? roundPrice(item.price() / (1 - rng.between(0.08, 0.35))) : item.price();
        return new Draft(item, newId(rng), title(item, rng), bullets(item, rng), description(item, rng), listPrice);
    }

    /** Product fields known before reviews are written. */
    record Draft(Item item, String id, String title, List<String> bullets, String description, double listPrice) {

        Product finish(double rating, int reviewCount) {
            Product p = new Product(id, title, item.brand(), item.spec().path(), item.price(), listPrice,
                    rating, reviewCount, new ArrayList<>(item.attributes().values()), bullets, description);
            item.setProduct(p);
            return p;
        }
    }

    private String newId(Rng rng) {
        while (true) {
            StringBuilder sb = new StringBuilder("B0");
            for (int i = 0; i < 8; i++) {
                sb.append(ID_CHARS.charAt(rng.below(ID_CHARS.length())));
            }
            String id = sb.toString();
            if (usedIds.add(id)) {
                return id;
            }
        }
    }

    /** Brand plus model names one product per category, so a question can name it unambiguously. */
    private String uniqueModel(CategorySpec spec, String brand, Rng rng) {
        for (int tries = 0; ; tries++) {
            String model = modelName(spec, rng);
            if (tries > 12) {
                model = model + " " + (char) ('A' + rng.below(26)) + rng.between(10, 99);
            }
            if (usedNames.add(spec.leaf() + "|" + brand + " " + model)) {
                return model;
            }
        }
    }

    private static String modelName(CategorySpec spec, Rng rng) {
        String stem = rng.pick(spec.models());
        return switch (rng.below(8)) {
            case 0, 1, 2 -> stem + " " + rng.between(2, 9);
            case 3 -> stem + " Pro";
            case 4 -> stem + " " + rng.pick("Plus", "Elite", "Sport", "Max", "Lite", "Tour", "XT");
            default -> stem;
        };
    }

    /** Better products cost more, with a spread so that bargains and overpriced duds both exist. */
    private static double price(CategorySpec spec, double quality, Rng rng) {
        double x = clamp(0.6 * quality + 0.4 * rng.unit(), 0, 1);
        double raw = spec.priceLo() + Math.pow(x, 1.6) * (spec.priceHi() - spec.priceLo());
        return roundPrice(raw);
    }

    static double roundPrice(double raw) {
        // Work in whole cents so that 46.99 prints as 46.99, not 46.989999999999995.
        if (raw < 20) {
            return ((long) Math.floor(raw) * 100 + 99) / 100.0;
        }
        long whole = Math.round(raw);
        long cents = whole * 100 - (whole % 5 == 1 ? 5 : 1);
        return cents / 100.0;
    }

    private static String title(Item item, Rng rng) {
        StringBuilder t = new StringBuilder(item.brand()).append(' ').append(item.model())
                .append(' ').append(item.spec().titleNoun());
        List<String> fragments = new ArrayList<>();
        for (AttributeSpec a : item.spec().attributes()) {
            Attribute value = item.attributes().get(a.name());
            if (a.title() != null && value != null && fragments.size() < 3) {
                String f = Phrase.expand(a.title(), rng, withValue(item, value));
                if (!f.isEmpty()) {
                    fragments.add(f);
                }
            }
        }
        if (!fragments.isEmpty()) {
            t.append(" – ").append(String.join(", ", fragments));
        }
        return t.toString();
    }

    private static List<String> bullets(Item item, Rng rng) {
        List<String> bullets = new ArrayList<>();
        for (AttributeSpec a : item.spec().attributes()) {
            Attribute value = item.attributes().get(a.name());
            if (value != null && a.bullet() != null) {
                String b = Phrase.expand(a.bullet(), rng, withValue(item, value));
                if (!b.isEmpty()) {
                    bullets.add(b);
                }
            }
        }
        if (bullets.size() < 3) {
            // Plain "name: value" bullets only for attributes that have no bullet of their own and say something.
            for (AttributeSpec a : item.spec().attributes()) {
                Attribute value = item.attributes().get(a.name());
                if (bullets.size() >= 4) {
                    break;
                }
                if (value != null && a.bullet() == null && !"no".equals(value.value())) {
                    bullets.add(Phrase.capitalize(value.name()) + ": " + value.display());
                }
            }
        }
        // Store-wide facts (true of every listing) top up a short list.
        for (int i = 0; bullets.size() < 3 && i < STORE_BULLETS.size(); i++) {
            bullets.add(Phrase.expand(STORE_BULLETS.get(i), rng, item::var));
        }
        return bullets;
    }

    private static final List<String> STORE_BULLETS = List.of(
            "Eligible for free 30-day returns", "Ships in [recyclable|frustration-free] packaging",
            "Questions? {brand} support answers within one business day");

    private static String description(Item item, Rng rng) {
        List<String> all = item.spec().descriptions();
        List<String> templates = new ArrayList<>(rng.sample(all, 2));
        templates.sort(java.util.Comparator.comparingInt(all::indexOf));
        StringBuilder d = new StringBuilder();
        for (String template : templates) {
            if (d.length() > 0) {
                d.append(' ');
            }
            d.append(Phrase.capitalize(Phrase.expand(template, rng, item::var)));
        }
        return d.toString();
    }

    /** Variables of an item plus {v}/{n}: the attribute currently being written about. */
    static java.util.function.Function<String, String> withValue(Item item, Attribute value) {
        return key -> switch (key) {
            case "v" -> value.display();
            case "n" -> value.value();
            case "f" -> yesNoAnswer(item, value);
            default -> item.var(key);
        };
    }

    /** "Yes, they are waterproof." / "No, it doesn't have a rock plate." for a yes/no attribute. */
    private static String yesNoAnswer(Item item, Attribute value) {
        boolean yes = "yes".equals(value.value());
        String name = value.name();
        String it = item.var("it");
        if (name.endsWith(" included") || name.endsWith(" required")) {
            int cut = name.lastIndexOf(' ');
            String thing = name.substring(0, cut);
            boolean plural = thing.endsWith("s");
            String verb = yes ? (plural ? "are" : "is") : (plural ? "aren't" : "isn't");
            return (yes ? "Yes, " : "No, ") + thing + " " + verb + name.substring(cut) + ".";
        }
        if (AttributeSpec.isAdjective(name)) {
            return yes ? "Yes, " + it + " " + item.var("is") + " " + name + "."
                    : "No, " + it + " " + item.var("isnt") + " " + name + ".";
        }
        String thing = thingOf(item, name);
        return yes ? "Yes, " + it + " " + item.var("has") + " " + thing + "."
                : "No, " + it + " " + item.var("doesnt") + " have " + thing + ".";
    }

    static String thingOf(Item item, String attribute) {
        for (AttributeSpec a : item.spec().attributes()) {
            if (a.name().equals(attribute)) {
                return a.thing();
            }
        }
        return attribute;
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
