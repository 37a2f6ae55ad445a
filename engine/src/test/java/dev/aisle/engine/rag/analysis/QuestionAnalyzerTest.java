package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.rag.TinyCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionAnalyzerTest {

    static final QuestionAnalyzer analyzer = new QuestionAnalyzer(new CatalogueLexicon(TinyCatalogue.products()));

    static QuestionAnalysis a(String q) {
        return analyzer.analyze(q, ConversationContext.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dinosaur toys under 50 bucks|0|50",
            "Dinosaur toys under $50|0|50",
            "dino toy less than 50 dollars|0|50",
            "trail shoes $30-$60|30|60",
            "trail shoes between 30 and 60|30|60",
            "golf gloves 20 to 40 dollars|20|40",
            "running shoes no more than $120.50|0|120.5",
            "shoes over $100|100|Infinity",
            "trail shoes at least 80 dollars|80|Infinity",
            "a $25 gift for a golfer|0|25",
            "gloves around $20|16|24",
            "budget of 1k for running gear|0|1000",
            "running shoes under 120 but over 90 dollars|90|120",
    })
    void pricePhrasings(String q, double min, double max) {
        PriceRange p = a(q).constraints().price().orElseThrow(() -> new AssertionError("no price in " + q));
        assertEquals(min, p.min(), 1e-9, q);
        assertEquals(max, p.max(), 1e-9, q);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "trail shoes under 300 g",
            "shoes with drop under 6 mm",
            "building set with over 500 pieces",
    })
    void measurementsAreNotPrices(String q) {
        assertTrue(a(q).constraints().price().isEmpty(), q);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "best dinosaur toys for my 5 yo|5|5",
            "Best dinosaur toys for a five-year-old?|5|5",
            "dino toys for a 7 year old boy|7|7",
            "toy for my 4yo under 30 bucks|4|4",
            "building sets for ages 6-12|6|12",
            "dinosaur toys ages 3 to 5|3|5",
            "toys for kids 8+|8|99",
            "gift for a toddler|1|3",
            "my daughter is turning 6, which dinosaur toy?|6|6",
    })
    void agePhrasings(String q, int min, int max) {
        AgeRange r = a(q).constraints().age().orElseThrow(() -> new AssertionError("no age in " + q));
        assertEquals(new AgeRange(min, max), r, q);
    }

    @Test
    void ageDoesNotBecomeAPriceAndViceVersa() {
        QuestionAnalysis x = a("dinosaur toy for my 5 yo under 40 bucks");
        assertEquals(AgeRange.exactly(5), x.constraints().age().orElseThrow());
        assertEquals(PriceRange.atMost(40), x.constraints().price().orElseThrow());
        assertEquals(List.of("Dinosaur Toys"), x.constraints().categories());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "trail running shoes size 10.5|10.5",
            "road running shoes in size 9 wide|9W",
            "golf gloves size m|M",
            "golf gloves in large|L",
            "golf glove xl|XL",
    })
    void sizes(String q, String size) {
        assertEquals(size, a(q).constraints().size().orElseThrow(() -> new AssertionError("no size in " + q)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "waterproof trail running shoes|Trail Running Shoes",
            "WATERPROOF TRAIL RUNNING SHOES|Trail Running Shoes",
            "waterprof trial runing shoes|Trail Running Shoes",
            "golf glovs for cold weather|Golf Gloves",
            "dinosuar toys|Dinosaur Toys",
            "some building sets|Building Sets",
    })
    void categoriesSurviveCaseAndTypos(String q, String category) {
        QuestionAnalysis x = a(q);
        assertEquals(category, x.constraints().categories().get(0), q + " → " + x);
    }

    @Test
    void typoCorrectionsAreReportedAndFeedTheSearchText() {
        QuestionAnalysis x = a("waterprof trial runing shoes");
        assertTrue(x.corrections().contains("waterprof\u2192waterproof"), x.corrections().toString());
        assertTrue(x.searchText().contains("trail"), x.searchText());
        assertEquals("yes", x.constraints().attributes().get("waterproof"));
        // everyday words are left alone
        assertEquals("best gift for my daughter", a("best gift for my daughter").searchText());
    }

    @Test
    void brandsAttributesAndValues() {
        QuestionAnalysis x = a("peakline shoes with a mesh upper");
        assertEquals(List.of("Peakline"), x.constraints().brands());
        assertEquals("mesh", x.constraints().attributes().get("upper"));
        QuestionAnalysis y = a("fleece lined winter golf gloves from fairway");
        assertEquals("fleece", y.constraints().attributes().get("lining"));
        assertEquals(List.of("Fairway"), y.constraints().brands());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "What's the drop of the Stridewell Trailblazer 3?|B0TRAIL001|PRODUCT_DETAIL",
            "is the trailblazer pro waterproof|B0TRAIL002|PRODUCT_DETAIL",
            "Tell me about the Peakline Summit 5|B0TRAIL003|PRODUCT_DETAIL",
            "how heavy is the summit 5?|B0TRAIL003|PRODUCT_DETAIL",
            "is B0GLOVE001 warm?|B0GLOVE001|PRODUCT_DETAIL",
            "Is the Trailblazer 3 in stock?|B0TRAIL001|STORE_SERVICE",
            "how much is the fairway frost glove|B0GLOVE001|STORE_SERVICE",
            "can the summit 5 be delivered by friday|B0TRAIL003|STORE_SERVICE",
    })
    void namedProductsAndTheirIntent(String q, String id, Intent intent) {
        QuestionAnalysis x = a(q);
        assertEquals(List.of(id), x.referencedProductIds(), q + " → " + x);
        assertEquals(intent, x.intent(), q);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Trailblazer 3 vs Summit 5|B0TRAIL001 B0TRAIL003",
            "compare the stridewell trailblazer pro and the peakline summit 5|B0TRAIL002 B0TRAIL003",
            "Stridewell Trailblazer 3 or Peakline Cruiser for muddy trails?|B0TRAIL001 B0ROAD0001",
            "Compare the Peakline Summit 5 and the Stridewell Trailblazer 3|B0TRAIL003 B0TRAIL001",
            "which one weighs more: the stridewell trailblazer pro or peakline cruiser|B0TRAIL002 B0ROAD0001",
            "Fairway Tour Grip vs Fairway Frost gloves|B0GLOVE002 B0GLOVE001",
            "help me choose between the jurassic pals dig kit and the brickly castle|B0DINO0002 B0BLOCK001",
    })
    void comparisonsKeepEveryNamedProductInQuestionOrder(String q, String ids) {
        QuestionAnalysis x = a(q);
        assertEquals(Intent.COMPARISON, x.intent(), q);
        assertEquals(List.of(ids.split(" ")), x.referencedProductIds(), q + " → " + x);
        assertEquals(List.of(ids.split(" ")), x.constraints().namedProducts(), q);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a model word in an everyday phrase, no brand: "summit" alone, "frost" alone, "castle" alone
            "shoes to reach the summit of a muddy trail",
            "gloves for frost on the course",
            "a castle building set for my 8 yo",
            // a brand followed by shelf or tier words only
            "stridewell trail running shoes",
            "peakline shoes with a mesh upper",
            "fairway golf gloves pro",
    })
    void everydayWordsInAProductNameDoNotNameIt(String q) {
        assertEquals(List.of(), a(q).constraints().namedProducts(), q + " → " + a(q));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Trail shoes or running shoes?|ADVICE",
            "whats the difference between trail and road shoes|ADVICE",
            "What's worth paying extra for in golf gloves?|ADVICE",
            "Is the Fairway Frost on sale?|STORE_SERVICE",
            "stridewell trailblazer 3 price?|STORE_SERVICE",
            "What do I need for cold-weather golf?|ADVICE",
            "how to choose trail running shoes|ADVICE",
            "what should i look for in a dinosaur toy|ADVICE",
            "Best dinosaur toys for a five-year-old?|RECOMMENDATION",
            "looking for waterproof trail shoes under 150|RECOMMENDATION",
            "recommend golf gloves|RECOMMENDATION",
            "which golf gloves are in stock|STORE_SERVICE",
    })
    void intents(String q, Intent intent) {
        assertEquals(intent, a(q).intent(), q);
    }

    @Test
    void followUpsResolveAgainstEarlierTurns() {
        ConversationContext ctx = ConversationContext.empty().then(new ConversationContext.PriorTurn(
                "best trail running shoes", "…", List.of("B0TRAIL003", "B0TRAIL001", "B0TRAIL002"),
                List.of("product:B0TRAIL003"), List.of("Trail Running Shoes")));

        QuestionAnalysis second = analyzer.analyze("is the second one lighter?", ctx);
        assertEquals("B0TRAIL001", second.referencedProductIds().get(0));
        assertEquals(2, second.referencedProductIds().size(), "compared against another shown product");
        assertEquals(Intent.COMPARISON, second.intent());
        assertTrue(second.followUp());

        QuestionAnalysis its = analyzer.analyze("what's its drop?", ctx);
        assertEquals(List.of("B0TRAIL003"), its.referencedProductIds());
        assertEquals(Intent.PRODUCT_DETAIL, its.intent());
        assertTrue(its.constraints().attributes().containsKey("drop"));

        QuestionAnalysis last = analyzer.analyze("and the last one, is it waterproof", ctx);
        assertEquals("B0TRAIL002", last.referencedProductIds().get(0));

        QuestionAnalysis both = analyzer.analyze("are they both in stock?", ctx);
        assertEquals(Intent.STORE_SERVICE, both.intent());
        assertEquals(3, both.referencedProductIds().size());

        QuestionAnalysis cheaper = analyzer.analyze("any cheaper ones?", ctx);
        assertEquals(List.of("Trail Running Shoes"), cheaper.constraints().categories());
        assertTrue(cheaper.followUp());

        // With no earlier turn, "it" refers to nothing.
        assertTrue(a("is it waterproof?").referencedProductIds().isEmpty());
    }

    @Test
    void blankQuestionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> a("  "));
        assertThrows(IllegalArgumentException.class, () -> new CatalogueLexicon(List.of()));
    }
}
