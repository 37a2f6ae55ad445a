package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.generate.shelf.AttributeSpec;
import dev.aisle.datasets.generate.shelf.QaSpec;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes community questions about a product's attributes and uses. Every answer is expanded
 * from the product's own facts, so answers agree with the listing; some questions stay unanswered.
 */
final class QaWriter {

    private static final List<String> SELLER_OPEN = List.of("Hello, thanks for your question!", "Hi there,",
            "Thanks for asking.", "Hello!");
    private static final List<String> SELLER_CLOSE = List.of("– {brand} Customer Care", "Best regards, the {brand} team.",
            "Happy to help – {brand} Support");
    private static final List<String> COMMUNITY_TAIL = List.of("", "", "", " Hope this helps!", " Hope that helps.",
            " Hope this helps.");
    private static final List<String> SECOND_OPEN = List.of("Can confirm. ", "Agree with the above. ",
            "Same experience here. ", "That matches mine. ");
    private static final List<String> NO_IDEA = List.of("I'm not sure, sorry.", "No idea, I never checked.",
            "Couldn't tell you, I gave {them} as a gift.");

    /** One question thread; null when this product has nothing to ask about. */
    QaThread write(Item item, String productId, int index, Rng rng) {
        Function<String, String> vars = key -> key.equals("k")
                ? Integer.toString(ReviewWriter.usageCount(item.spec().usageUnit(), rng))
                : ReviewWriter.kidVars(item, rng, key);
        String question;
        String answer;
        List<AttributeSpec> askable = new ArrayList<>();
        for (AttributeSpec a : item.spec().attributes()) {
            if (!a.asks().isEmpty() && item.attributes().containsKey(a.name())) {
                askable.add(a);
            }
        }
        // Store-wide questions are a minority, so each shelf's own questions dominate.
        List<QaSpec> uses = new ArrayList<>(item.spec().qas());
        if (uses.isEmpty() || rng.chance(0.3)) {
            uses = new ArrayList<>(StoreQuestions.FOR_EVERY_PRODUCT);
            if (item.spec().aspects().stream().anyMatch(a -> a.name().equals("fit"))) {
                uses.add(StoreQuestions.SIZING);
            }
        }
        boolean aboutUse = !uses.isEmpty() && (askable.isEmpty() || rng.chance(0.45));
        if (aboutUse) {
            QaSpec spec = rng.pick(uses);
            question = Phrase.expand(rng.pick(spec.questions()), rng, vars);
            String template = spec.answer().apply(item);
            answer = template == null ? null : Phrase.expand(template, rng, vars);
        } else if (!askable.isEmpty()) {
            AttributeSpec spec = rng.pick(askable);
            Attribute value = item.attributes().get(spec.name());
            Function<String, String> attributeVars = ProductMaker.withValue(item, value);
            Function<String, String> withValue = k -> {
                String v = attributeVars.apply(k);
                return v != null ? v : ReviewWriter.kidVars(item, rng, k);
            };
            question = Phrase.expand(rng.pick(spec.asks()), rng, withValue);
            answer = Phrase.expand(spec.answer(), rng, withValue);
        } else {
            return null;
        }
        question = Phrase.capitalize(question);
        if (rng.chance(0.15)) {
            question = casual(question, rng);
        }
        String id = String.format(Locale.ROOT, "Q%s-%02d", productId.substring(2), index);
        List<Answer> answers = new ArrayList<>();
        if (answer != null && !rng.chance(0.12)) {
            boolean seller = rng.chance(0.2);
            answers.add(seller
                    ? new Answer(sellerOpen(rng, vars, answer, item) + " "
                            + Phrase.expand(rng.pick(SELLER_CLOSE), rng, vars), item.brand() + " Support",
                            votes(rng, 1.2), true)
                    : new Answer(hedge(answer, item, rng) + rng.pick(COMMUNITY_TAIL), People.name(rng), votes(rng, 1.5), false));
            int more = rng.weighted(new double[] {0.65, 0.25, 0.1});
            for (int i = 0; i < more; i++) {
                String text = rng.chance(0.1) ? Phrase.expand(rng.pick(NO_IDEA), rng, vars)
                        : rng.pick(SECOND_OPEN) + answer;
                answers.add(new Answer(text, People.name(rng), votes(rng, 0.4), false));
            }
        }
        return new QaThread(id, productId, question, People.name(rng), answers);
    }

    private static String sellerOpen(Rng rng, Function<String, String> vars, String answer, Item item) {
        String open = Phrase.expand(rng.pick(SELLER_OPEN), rng, vars);
        return open + " " + (open.endsWith(",") ? ReviewWriter.decapitalize(answer, item) : answer);
    }

    /** Shoppers often hedge what they know; the fact itself stays as the listing has it. */
    private static String hedge(String answer, Item item, Rng rng) {
        if (!rng.chance(0.3)) {
            return answer;
        }
        return rng.pick("From what I can tell, ", "According to the box, ", "As far as I know, ", "If I remember right, ",
                "I checked mine: ") + ReviewWriter.decapitalize(answer, item);
    }

    private static int votes(Rng rng, double mean) {
        return (int) Math.max(0, Math.floor(Math.exp(mean + rng.gaussian()) - 1));
    }

    /** How many shoppers really type: lower case, no question mark, sometimes a filler. */
    private static String casual(String question, Rng rng) {
        String q = question.toLowerCase(Locale.ROOT);
        if (q.endsWith("?") && rng.chance(0.6)) {
            q = q.substring(0, q.length() - 1);
        }
        return rng.chance(0.3) ? rng.pick("quick question - ", "hi, ", "anyone know ") + q : q;
    }
}
