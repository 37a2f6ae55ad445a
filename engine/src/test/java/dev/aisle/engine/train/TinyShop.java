package dev.aisle.engine.train;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.guides.BuyingGuide;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.ReferenceFact;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.train.data.TokenEncoder;

import java.util.ArrayList;
import java.util.List;

/** A small hand-made corpus and a character-level encoder, so data tests need neither the generator nor a tokenizer. */
public final class TinyShop {

    public static final String HELD_OUT_QUESTION = "Which trail shoe has the lowest drop for a marathon?";

    private TinyShop() {
    }

    public static Corpus corpus() {
        List<Product> products = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        List<QaThread> qa = new ArrayList<>();
        String[] shoes = {"Pathfinder", "Ridgeline", "Summit", "Canyon", "Mesa", "Boulder"};
        for (int i = 0; i < shoes.length; i++) {
            String id = "B0TRL00" + i;
            products.add(new Product(id, "Acme " + shoes[i] + " Trail Shoe", "Acme", List.of("Sports", "Running", "Trail Shoes"),
                    89.99 + 10 * i, 99.99 + 10 * i, 3.9 + 0.2 * (i % 5), 40 + i,
                    List.of(new Attribute("drop", Integer.toString(4 + i), "mm"), new Attribute("weight", Integer.toString(280 + 5 * i), "g"),
                            Attribute.text("waterproof", i % 2 == 0 ? "yes" : "no")),
                    List.of("Grippy lugs", "Rock plate"), "A trail shoe for rough ground."));
            for (int k = 0; k < 3; k++) {
                reviews.add(new Review("R" + i + k, id, 3 + k % 3, "Solid shoe " + k, "Ran 40 miles <b>no</b> blisters.", "ann",
                        "2025-01-0" + (k + 1), k, k % 2 == 0));
            }
            qa.add(new QaThread("Q" + i, id, "Is the " + shoes[i] + " good on mud?", "bob",
                    List.of(new Answer("Yes, the lugs bite well.", "Acme", 3, true))));
        }
        qa.add(new QaThread("QH", "B0TRL000", HELD_OUT_QUESTION, "eve", List.of(new Answer("A bit, size up.", "dan", 1, false))));
        String[] gloves = {"Frost", "Birdie", "Eagle", "Links"};
        for (int i = 0; i < gloves.length; i++) {
            String id = "B0GLV00" + i;
            products.add(new Product(id, "Par " + gloves[i] + " Golf Glove", "Par", List.of("Sports", "Golf", "Golf Gloves"),
                    14.99 + 6 * i, 14.99 + 6 * i, 4.0 + 0.1 * i, 10 + i,
                    List.of(Attribute.text("lining", i % 2 == 0 ? "fleece" : "none"), new Attribute("size", "M", "")),
                    List.of("Soft leather"), "A golf glove."));
            reviews.add(new Review("RG" + i, id, 4, "Warm", "Kept my hand warm.", "cy", "2025-02-01", 0, true));
        }
        List<BuyingGuide> guides = List.of(
                new BuyingGuide("G1", "Choosing trail shoes", List.of("Sports", "Running", "Trail Shoes"),
                        List.of("Look at the drop first. A low drop suits forefoot runners. Grip matters on mud.",
                                "Waterproof shoes are warmer but drain slowly.")),
                new BuyingGuide("G2", "Cold-weather golf", List.of("Sports", "Golf"),
                        List.of("Layer up and keep your hands warm. A fleece-lined glove helps. Carry hand warmers.")));
        List<EvalQuestion> eval = List.of(
                new EvalQuestion("EQ1", "What is the drop of the Acme Ridgeline Trail Shoe?", Intent.PRODUCT_DETAIL, Split.TRAIN,
                        List.of("B0TRL001"), List.of(new ReferenceFact("B0TRL001", "drop", "5 mm"))),
                new EvalQuestion("EQ2", "Golf gloves under $25?", Intent.RECOMMENDATION, Split.TRAIN,
                        List.of("B0GLV000", "B0GLV001"), List.of(new ReferenceFact("*", "max_price", "25"))),
                new EvalQuestion("EQ3", HELD_OUT_QUESTION, Intent.RECOMMENDATION, Split.HELD_OUT,
                        List.of("B0TRL000"), List.of()),
                new EvalQuestion("EQ4", "Is the Acme Summit Trail Shoe in stock?", Intent.STORE_SERVICE, Split.TRAIN,
                        List.of("B0TRL002"), List.of()),
                new EvalQuestion("EQ5", "Acme Mesa or Acme Canyon?", Intent.COMPARISON, Split.TRAIN,
                        List.of("B0TRL004", "B0TRL003"), List.of()),
                new EvalQuestion("EQ6", "What do I need for cold-weather golf?", Intent.ADVICE, Split.TRAIN,
                        List.of("B0GLV000"), List.of()));
        return new Corpus(products, reviews, qa, guides, List.of(), eval, "tiny");
    }

    /** Characters as ids 6..133 (ASCII folded), the chat special tokens as their own ids 0..5. */
    public static TokenEncoder encoder() {
        return new TokenEncoder() {
            @Override
            public int[] encode(String text) {
                List<Integer> ids = new ArrayList<>();
                int i = 0;
                outer:
                while (i < text.length()) {
                    for (int s = 0; s < ChatTokens.ALL.size(); s++) {
                        if (text.startsWith(ChatTokens.ALL.get(s), i)) {
                            ids.add(s);
                            i += ChatTokens.ALL.get(s).length();
                            continue outer;
                        }
                    }
                    ids.add(6 + (text.charAt(i) % 128));
                    i++;
                }
                return ids.stream().mapToInt(Integer::intValue).toArray();
            }

            @Override
            public int endId() {
                return ChatTokens.ALL.indexOf(ChatTokens.END);
            }

            @Override
            public int padId() {
                return 0;
            }
        };
    }

    public static final int VOCAB = 134;
}
