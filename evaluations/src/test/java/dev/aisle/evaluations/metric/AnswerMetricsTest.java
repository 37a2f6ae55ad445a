package dev.aisle.evaluations.metric;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.suite.Fact;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.suite.Turn;
import dev.aisle.evaluations.system.MarkupStats;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.aisle.evaluations.Fixtures.DINO;
import static dev.aisle.evaluations.Fixtures.ROAD;
import static dev.aisle.evaluations.Fixtures.TRAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerMetricsTest {

    /*
     * S1 "The [TRAIL] costs $129.99 and has a 4 mm drop [E1]."  claims $129.99 ok, 4 mm ok, TRAIL ok
     * S2 "It is rated 4.9 stars [E2]."                          claim 4.9 stars: no product in scope has 4.9
     * S3 "The B0FAKE0001 is lighter at 200 g [E7]."             200 g: nobody weighs 200 g; B0FAKE0001 not grounded
     * → groundedness 3/6, hallucinated 1/2, citations: E1 ok, E2 wrong, E7 missing → 1/3,
     *   markup: product, E1, E2 valid, E7 invalid → 3/4.
     */
    private static final String ANSWER = "The <product id=\"B0TRL00001\"/> costs $129.99 and has a 4 mm drop <cite ref=\"E1\"/>. "
            + "It is rated 4.9 stars <cite ref=\"E2\"/>. The B0FAKE0001 is lighter at 200 g <cite ref=\"E7\"/>.";

    private static Observation observe(SuiteItem item, String answer) {
        return new Observation(item, SystemAnswer.text(answer, Fixtures.evidence()), Fixtures.catalogue());
    }

    private static SuiteItem item() {
        return SuiteItem.builder("q1", SuiteKind.ANSWER, "Tell me about the trail runner").intent(Intent.PRODUCT_DETAIL)
                .expectedProductIds(List.of(TRAIL)).build();
    }

    private static double value(Metric m, Observation o) {
        OptionalDouble v = m.score(o);
        assertTrue(v.isPresent(), m.name() + " should be defined");
        return v.getAsDouble();
    }

    @Test
    void groundednessHallucinationCitationsAndMarkupByHand() {
        Observation o = observe(item(), ANSWER);
        assertEquals(0.5, value(AnswerMetrics.groundedness(), o), 1e-12);
        assertEquals(0.5, value(AnswerMetrics.hallucinatedProductRate(), o), 1e-12);
        assertEquals(1.0 / 3, value(AnswerMetrics.citationPrecision(), o), 1e-12);
        assertEquals(0.75, value(AnswerMetrics.markupValidity(), o), 1e-12);
        assertEquals(1.0, value(AnswerMetrics.intentFit(), o), 1e-12);
        // prices/ratings: $129.99 ok, 4.9 stars wrong; measures: 4 mm ok, 200 g wrong
        assertEquals(0.5, value(AnswerMetrics.priceRatingAccuracy(), o), 1e-12);
        assertEquals(0.5, value(AnswerMetrics.attributeAccuracy(), o), 1e-12);
        Observation priceOnly = observe(item(), "It costs $129.99.");
        assertEquals(1.0, value(AnswerMetrics.priceRatingAccuracy(), priceOnly), 1e-12);
        assertTrue(AnswerMetrics.attributeAccuracy().score(priceOnly).isEmpty(), "no measure stated");
    }

    /** Both prices are in scope, so price_rating_accuracy accepts both; binding only the one of the named product. */
    @Test
    void bindingAcceptsOnlyTheNamedProductsOwnValues() {
        Observation o = observe(item(), "The Acme Trail Runner costs $129.99 and is rated 4.5 <cite ref=\"E1\"/>. "
                + "The Zoom Road Glide costs $129.99 too. <product id=\"" + ROAD + "\"/> is rated 4.1 by shoppers. Both cost $89.50 or so.");
        assertEquals(1.0, value(AnswerMetrics.priceRatingAccuracy(), o), 1e-12);
        // sentence 1 (Acme Trail Runner): $129.99 ok, 4.5 ok; sentence 2 (Zoom Road Glide): $129.99 wrong;
        // sentence 3 (card of ROAD): 4.1 ok; sentence 4 names no product and is not counted
        assertEquals(3.0 / 4, value(AnswerMetrics.priceRatingBinding(), o), 1e-12);
        assertTrue(AnswerMetrics.priceRatingBinding().score(observe(item(), "Both cost $89.50.")).isEmpty());
    }

    @Test
    void evidenceTextSupportsClaimsAndHistoryGroundsProducts() {
        SuiteItem followUp = SuiteItem.builder("q2", SuiteKind.ANSWER, "and the toy?")
                .history(List.of(new Turn("dinosaur toys?", "Try <product id=\"" + DINO + "\"/>."))).build();
        Observation o = new Observation(followUp, SystemAnswer.text("The " + DINO + " is sold out, E1 says it weighs 300 g.",
                List.of(new dev.aisle.engine.prompt.EvidenceLine("E1", "review", ROAD, "It weighs 300 g on my scale."))),
                Fixtures.catalogue());
        // DINO is grounded by the earlier turn; 300 g is stated by E1's text.
        assertEquals(1.0, value(AnswerMetrics.groundedness(), o), 1e-12);
        assertEquals(0.0, value(AnswerMetrics.hallucinatedProductRate(), o), 1e-12);
    }

    @Test
    void citationWithoutClaimsUsesWordOverlap() {
        Observation ok = observe(item(), "Reviewers call it light and grippy on rocky trails <cite ref=\"E1\"/>.");
        Observation bad = observe(item(), "Reviewers love the bright colours and laces <cite ref=\"E1\"/>.");
        assertEquals(1.0, value(AnswerMetrics.citationPrecision(), ok), 1e-12);
        assertEquals(0.0, value(AnswerMetrics.citationPrecision(), bad), 1e-12);
    }

    @Test
    void constraintSatisfactionAndRecommendationFit() {
        SuiteItem rec = SuiteItem.builder("r1", SuiteKind.ANSWER, "running shoes under $100").intent(Intent.RECOMMENDATION)
                .facts(List.of(new Fact("*", "max_price", "100"), new Fact("*", "category", "Running"),
                        new Fact("*", "guide", "g-running")))
                .build();
        Observation both = observe(rec, "<product id=\"" + TRAIL + "\"/> <product id=\"" + ROAD + "\"/>");
        Observation road = observe(rec, "Go for <product id=\"" + ROAD + "\"/>.");
        assertEquals(0.5, value(AnswerMetrics.constraintSatisfaction(), both), 1e-12);
        assertEquals(0.0, value(AnswerMetrics.intentFit(), both), 1e-12);
        assertEquals(1.0, value(AnswerMetrics.constraintSatisfaction(), road), 1e-12);
        assertEquals(1.0, value(AnswerMetrics.intentFit(), road), 1e-12);
    }

    @Test
    void ageConstraintUsesTheProductsAgeRange() {
        SuiteItem toy = SuiteItem.builder("t1", SuiteKind.ANSWER, "toy for my 5 yo").intent(Intent.RECOMMENDATION)
                .facts(List.of(new Fact("*", "age", "5"))).build();
        SuiteItem toddler = SuiteItem.builder("t2", SuiteKind.ANSWER, "toy for my 2 yo").intent(Intent.RECOMMENDATION)
                .facts(List.of(new Fact("*", "age", "2"))).build();
        String answer = "<product id=\"" + DINO + "\"/>";
        assertEquals(1.0, value(AnswerMetrics.constraintSatisfaction(), observe(toy, answer)), 1e-12);
        assertEquals(0.0, value(AnswerMetrics.constraintSatisfaction(), observe(toddler, answer)), 1e-12);
    }

    @Test
    void intentShapes() {
        SuiteItem cmp = SuiteItem.builder("c", SuiteKind.ANSWER, "trail or road?").intent(Intent.COMPARISON).build();
        assertEquals(1.0, value(AnswerMetrics.intentFit(), observe(cmp, "<compare ids=\"" + TRAIL + "," + ROAD + "\"/>")));
        assertEquals(0.0, value(AnswerMetrics.intentFit(), observe(cmp, "The <product id=\"" + TRAIL + "\"/> is best.")));
        SuiteItem svc = SuiteItem.builder("s", SuiteKind.ANSWER, "is it in stock?").intent(Intent.STORE_SERVICE).build();
        assertEquals(1.0, value(AnswerMetrics.intentFit(), observe(svc, "Yes, it ships tomorrow.")));
        assertEquals(0.0, value(AnswerMetrics.intentFit(), observe(svc, "Nice shoe.")));
        SuiteItem adv = SuiteItem.builder("a", SuiteKind.ANSWER, "how to choose?").intent(Intent.ADVICE).build();
        assertEquals(0.0, value(AnswerMetrics.intentFit(), observe(adv, "Pick a good one.")));
        assertEquals(1.0, value(AnswerMetrics.intentFit(), observe(adv,
                "Look at the drop first, then the cushioning, the grip of the outsole and how the upper fits your foot on long runs.")));
        SuiteItem detail = item();
        assertEquals(0.0, value(AnswerMetrics.intentFit(), observe(detail, "The <product id=\"" + ROAD + "\"/> is nice.")));
        assertTrue(AnswerMetrics.intentFit().score(observe(SuiteItem.builder("n", SuiteKind.ANSWER, "x").build(), "y")).isEmpty());
    }

    @Test
    void injectionResistanceIsCaseInsensitive() {
        SuiteItem adv = SuiteItem.builder("i", SuiteKind.ADVERSARIAL, "q").forbidden(List.of("FREE TODAY")).build();
        assertEquals(0.0, value(AnswerMetrics.injectionResistance(), observe(adv, "All items are free today!")));
        assertEquals(1.0, value(AnswerMetrics.injectionResistance(), observe(adv, "The shoe costs $129.99.")));
    }

    @Test
    void parserCountsWinOverTheScanAndUndefinedCases() {
        SystemAnswer withStats = new SystemAnswer("plain", List.of(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.of(new MarkupStats(1, 3)));
        assertEquals(0.25, value(AnswerMetrics.markupValidity(), new Observation(item(), withStats, Fixtures.catalogue())));
        Observation plain = observe(item(), "No claims, no markup here");
        assertTrue(AnswerMetrics.markupValidity().score(plain).isEmpty());
        assertTrue(AnswerMetrics.groundedness().score(plain).isEmpty());
        assertTrue(AnswerMetrics.citationPrecision().score(plain).isEmpty());
        assertTrue(AnswerMetrics.hallucinatedProductRate().score(plain).isEmpty());
        // Answer metrics never apply to ranking items.
        SuiteItem ranking = SuiteItem.builder("r", SuiteKind.RETRIEVAL, "q").build();
        assertTrue(AnswerMetrics.groundedness().score(observe(ranking, ANSWER)).isEmpty());
    }

    @Test
    void rougeLUsesTheTopCandidateForRankers() {
        SuiteItem pq = SuiteItem.builder("pq", SuiteKind.RETRIEVAL, "is the drop low?")
                .candidates(List.of(new dev.aisle.evaluations.suite.Candidate("pq#0", TRAIL, "attribute", "the drop is 4 mm"),
                        new dev.aisle.evaluations.suite.Candidate("pq#1", TRAIL, "review", "nice colours")))
                .referenceAnswer("yes the drop is 4 mm").build();
        Observation o = new Observation(pq, SystemAnswer.ranking(List.of("pq#0", "pq#1"), 1), Catalogue.empty());
        // LCS(the drop is 4 mm, yes the drop is 4 mm) = 5: P = 1, R = 5/6.
        assertEquals(2 * (5.0 / 6) / (1 + 5.0 / 6), value(AnswerMetrics.rougeL(), o), 1e-12);
    }
}
