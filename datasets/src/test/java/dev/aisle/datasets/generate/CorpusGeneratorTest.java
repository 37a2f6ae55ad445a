package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.ContentHash;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.ReferenceFact;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {

    private static final long SEED = 7;
    private static CorpusGenerator.Generated generated;
    private static Corpus corpus;
    private static Map<String, Product> byId;

    @BeforeAll
    static void generate() {
        generated = new CorpusGenerator(SEED, CorpusGenerator.Options.small(600)).generateWithTruth();
        corpus = generated.corpus();
        byId = corpus.products().stream().collect(Collectors.toMap(Product::id, p -> p));
    }

    @Test
    void sameSeedGivesTheSameCorpusAndDifferentSeedsDiffer() {
        Corpus again = new CorpusGenerator(SEED, CorpusGenerator.Options.small(600)).generate();
        assertEquals(corpus.contentHash(), again.contentHash());
        assertEquals(corpus.reviews(), again.reviews());
        Corpus other = new CorpusGenerator(SEED + 1, CorpusGenerator.Options.small(600)).generate();
        assertNotEquals(corpus.contentHash(), other.contentHash());
        assertEquals(ContentHash.of(corpus), corpus.contentHash(), "the stated hash is the hash of the content");
    }

    @Test
    void productsLookLikeAStoreListing() {
        assertEquals(600, corpus.products().size());
        Pattern asin = Pattern.compile("B0[0-9A-Z]{8}");
        Set<String> ids = new HashSet<>();
        for (Product p : corpus.products()) {
            assertTrue(asin.matcher(p.id()).matches(), p.id());
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
            assertFalse(p.title().isBlank());
            assertTrue(p.title().startsWith(p.brand()), p.title());
            assertTrue(p.categoryPath().size() >= 2, p.categoryPath().toString());
            assertTrue(p.price() > 0 && p.listPrice() >= p.price(), p.id() + " price " + p.price() + " list " + p.listPrice());
            assertTrue(p.rating() >= 1 && p.rating() <= 5, p.id() + " rating " + p.rating());
            assertTrue(p.bullets().size() >= 2, p.id() + " bullets " + p.bullets());
            assertFalse(p.description().isBlank());
            assertFalse(p.attributes().isEmpty());
        }
    }

    @Test
    void measuredAttributesCarryTheirUnits() {
        Map<String, Set<String>> unitsByName = new HashMap<>();
        for (Product p : corpus.products()) {
            for (Attribute a : p.attributes()) {
                unitsByName.computeIfAbsent(p.category() + "/" + a.name(), k -> new HashSet<>()).add(a.unit());
            }
        }
        for (String key : List.of("Trail Running Shoes/lug depth", "Trail Running Shoes/drop", "Trail Running Shoes/weight",
                "Road Running Shoes/drop", "Golf Rain Jackets/waterproof rating")) {
            assertTrue(unitsByName.containsKey(key), "missing " + key);
            assertFalse(unitsByName.get(key).contains(""), key + " has no unit");
        }
        assertEquals(Set.of("mm"), unitsByName.get("Trail Running Shoes/lug depth"));
    }

    @Test
    void everyNumberHasAUnitUnlessItIsACount() {
        Set<String> counts = Set.of("compression", "pieces", "dividers", "pockets", "ports", "thread count",
                "experiments", "bands in set", "pairs");
        for (Product p : corpus.products()) {
            for (Attribute a : p.attributes()) {
                if (a.number().isPresent() && !counts.contains(a.name())) {
                    assertFalse(a.unit().isEmpty(), p.category() + " / " + a.name() + " = " + a.value() + " has no unit");
                }
            }
        }
    }

    @Test
    void theStoreHasTheDepartmentsAndShelvesShoppersAskAbout() {
        Set<String> categories = corpus.products().stream().map(Product::category).collect(Collectors.toSet());
        Set<String> departments = corpus.products().stream().map(Product::department).collect(Collectors.toSet());
        assertTrue(categories.size() >= 30, "categories: " + categories.size());
        assertTrue(departments.size() >= 8, "departments: " + departments);
        assertTrue(categories.containsAll(Set.of("Winter Golf Gloves", "Thermal Base Layers", "Golf Rain Jackets",
                "Winter Golf Balls", "Road Running Shoes", "Trail Running Shoes", "Dinosaur Toys", "Over-Ear Headphones",
                "Hiking Boots", "Chef's Knives", "Dog Beds", "Bed Pillows")), categories.toString());
        assertTrue(corpus.guides().size() >= categories.size(), "a buying guide per category");
        assertTrue(corpus.guides().stream().anyMatch(g -> g.id().equals("topic-cold-weather-golf")));
    }

    @Test
    void toysCarryAgeRangesAndSafetyNotes() {
        List<Product> toys = corpus.products().stream().filter(p -> p.department().equals("Toys & Games")).toList();
        assertFalse(toys.isEmpty());
        for (Product p : toys) {
            double min = p.attribute("min age").orElseThrow().number().orElseThrow();
            double max = p.attribute("max age").orElseThrow().number().orElseThrow();
            assertTrue(min < max, p.id());
            boolean smallParts = p.attribute("small parts").orElseThrow().value().equals("yes");
            String note = p.attribute("safety note").orElseThrow().value();
            assertEquals(smallParts, note.contains("CHOKING HAZARD"), p.id() + ": " + note);
            assertFalse(smallParts && min < 3, p.id() + " has small parts but is for ages " + min + "+");
        }
    }

    @Test
    void trailAndRoadShoesDifferTheWayRealOnesDo() {
        double trailLugs = meanOf("Trail Running Shoes", "lug depth");
        double roadLugs = meanOf("Road Running Shoes", "lug depth");
        assertTrue(trailLugs > roadLugs + 1.5, "trail lugs " + trailLugs + " vs road " + roadLugs);
        assertTrue(corpus.products().stream().filter(p -> p.category().equals("Road Running Shoes"))
                .allMatch(p -> p.attribute("rock plate").orElseThrow().value().equals("no")));
    }

    private static double meanOf(String category, String attribute) {
        return corpus.products().stream().filter(p -> p.category().equals(category))
                .mapToDouble(p -> p.attribute(attribute).orElseThrow().number().orElseThrow()).average().orElseThrow();
    }

    @Test
    void reviewsAndQuestionsPointAtExistingProducts() {
        for (Review r : corpus.reviews()) {
            assertTrue(byId.containsKey(r.productId()), "review " + r.id() + " points at " + r.productId());
            assertTrue(r.stars() >= 1 && r.stars() <= 5);
            assertFalse(r.text().isBlank());
        }
        for (QaThread q : corpus.questions()) {
            assertTrue(byId.containsKey(q.productId()), "question " + q.id() + " points at " + q.productId());
        }
        assertTrue(corpus.questions().stream().anyMatch(q -> !q.answered()), "some questions stay unanswered");
        assertTrue(corpus.questions().stream().anyMatch(QaThread::answered));
    }

    @Test
    void ratingAndReviewCountMatchTheWrittenReviews() {
        Map<String, List<Review>> reviews = corpus.reviews().stream().collect(Collectors.groupingBy(Review::productId));
        for (Product p : corpus.products()) {
            List<Review> mine = reviews.getOrDefault(p.id(), List.of());
            assertEquals(p.reviewCount(), mine.size(), p.id());
            double mean = mine.stream().mapToInt(Review::stars).average().orElseThrow();
            assertEquals(Math.round(mean * 10) / 10.0, p.rating(), 1e-9, p.id());
        }
    }

    @Test
    void starsFollowTheHiddenQuality() {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (Product p : corpus.products()) {
            double q = generated.hiddenQuality().get(p.id());
            if (q >= 0.8 || q <= 0.45) {
                int band = q >= 0.8 ? 1 : 0;
                sum[band] += p.rating() * p.reviewCount();
                n[band] += p.reviewCount();
            }
        }
        double good = sum[1] / n[1];
        double poor = sum[0] / n[0];
        assertTrue(good >= 4.0, "well-made products average " + good + " stars");
        assertTrue(poor <= 3.0, "poorly made products average " + poor + " stars");
    }

    @Test
    void reviewTextAgreesWithTheStars() {
        Set<String> happy = Set.of("Highly recommend", "Would definitely buy again", "Would happily buy again",
                "Five stars", "Absolutely love", "Couldn't be happier");
        Set<String> unhappy = Set.of("Returned", "Do not buy", "Save your money", "Avoid", "Terrible", "Waste of money",
                "Wouldn't buy again", "Disappointed");
        for (Review r : corpus.reviews()) {
            String text = r.title() + " " + r.text();
            if (r.stars() <= 2) {
                assertTrue(happy.stream().noneMatch(text::contains), "low-star review sounds happy: " + text);
            }
            if (r.stars() >= 4) {
                assertTrue(unhappy.stream().noneMatch(text::contains), "high-star review sounds unhappy: " + text);
            }
        }
    }

    @Test
    void reviewsAgreeWithAttributesTheyMention() {
        for (Review r : corpus.reviews()) {
            Product p = byId.get(r.productId());
            if (p.category().equals("Trail Running Shoes")) {
                boolean plate = p.attribute("rock plate").orElseThrow().value().equals("yes");
                if (!plate) {
                    assertFalse(r.text().contains("rock plate saved"), r.text());
                } else {
                    assertFalse(r.text().contains("really need a rock plate"), r.text());
                }
                double grams = p.attribute("weight").orElseThrow().number().orElseThrow();
                assertFalse(r.text().contains("Light for a trail shoe") && grams > 275, grams + " g praised as light: " + r.text());
                assertFalse(r.text().contains("heavy on the climbs") && grams < 315, grams + " g called heavy: " + r.text());
                boolean waterproof = p.attribute("waterproof").orElseThrow().value().equals("yes");
                if (!waterproof) {
                    assertFalse(r.text().contains("Kept my feet dry"), r.text());
                }
            }
        }
    }

    @Test
    void everyoneAgreesWhichWayAProductRuns() {
        Pattern runs = Pattern.compile("runs? (small|large)");
        Map<String, Set<String>> directions = new HashMap<>();
        for (Review r : corpus.reviews()) {
            var m = runs.matcher(r.text());
            while (m.find()) {
                directions.computeIfAbsent(r.productId(), k -> new HashSet<>()).add(m.group(1));
            }
        }
        for (QaThread q : corpus.questions()) {
            q.answers().forEach(a -> {
                var m = runs.matcher(a.text());
                while (m.find()) {
                    directions.computeIfAbsent(q.productId(), k -> new HashSet<>()).add(m.group(1));
                }
            });
        }
        assertFalse(directions.isEmpty(), "some products should run small or large");
        directions.forEach((id, dirs) -> assertEquals(1, dirs.size(), id + " runs " + dirs));
    }

    @Test
    void evaluationMaterialCoversEveryIntentInBothSplitsWithoutOverlap() {
        Set<Intent> train = EnumSet.noneOf(Intent.class);
        Set<Intent> heldOut = EnumSet.noneOf(Intent.class);
        Set<String> trainTexts = new HashSet<>();
        Set<String> heldOutTexts = new HashSet<>();
        for (EvalQuestion q : corpus.evalQuestions()) {
            (q.split() == Split.TRAIN ? train : heldOut).add(q.intent());
            (q.split() == Split.TRAIN ? trainTexts : heldOutTexts).add(q.question().toLowerCase());
            assertFalse(q.facts().isEmpty(), q.id());
            for (ReferenceFact f : q.facts()) {
                assertTrue(f.productId().equals("*") || byId.containsKey(f.productId()), q.id() + " " + f);
            }
        }
        assertEquals(EnumSet.allOf(Intent.class), train);
        assertEquals(EnumSet.allOf(Intent.class), heldOut);
        trainTexts.retainAll(heldOutTexts);
        assertTrue(trainTexts.isEmpty(), "questions in both splits: " + trainTexts);

        Set<String> trainQueries = new HashSet<>();
        Set<String> heldOutQueries = new HashSet<>();
        for (JudgedQuery q : corpus.judgedQueries()) {
            (q.split() == Split.TRAIN ? trainQueries : heldOutQueries).add(q.query());
        }
        assertFalse(heldOutQueries.isEmpty());
        trainQueries.retainAll(heldOutQueries);
        assertTrue(trainQueries.isEmpty(), "queries in both splits: " + trainQueries);
    }

    @Test
    void recommendationsRespectTheirConstraints() {
        for (EvalQuestion q : corpus.evalQuestions()) {
            if (q.intent() != Intent.RECOMMENDATION) {
                continue;
            }
            assertFalse(q.productIds().isEmpty(), q.question());
            for (String id : q.productIds()) {
                Product p = byId.get(id);
                for (ReferenceFact f : q.facts()) {
                    switch (f.field()) {
                        case "category" -> assertEquals(f.value(), p.category(), q.question());
                        case "max_price" -> assertTrue(p.price() <= Double.parseDouble(f.value()), q.question() + " " + p.price());
                        case "age" -> assertTrue(p.attribute("min age").orElseThrow().number().orElseThrow()
                                <= Double.parseDouble(f.value()), q.question());
                        default -> assertEquals(f.value(), p.attribute(f.field()).orElseThrow().value(), q.question());
                    }
                }
            }
        }
    }

    @Test
    void judgmentsUseAllGradesAndExactMatchesAreInTheQueriedCategory() {
        Set<Relevance> seen = EnumSet.noneOf(Relevance.class);
        for (JudgedQuery q : corpus.judgedQueries()) {
            assertTrue(q.judgments().stream().anyMatch(j -> j.label() == Relevance.EXACT), q.query());
            Set<String> categories = new HashSet<>();
            for (Judgment j : q.judgments()) {
                seen.add(j.label());
                assertTrue(byId.containsKey(j.productId()));
                if (j.label() == Relevance.EXACT) {
                    categories.add(byId.get(j.productId()).category());
                }
            }
            assertEquals(1, categories.size(), q.query() + " has exact matches in " + categories);
        }
        assertEquals(EnumSet.allOf(Relevance.class), seen);
    }
}
