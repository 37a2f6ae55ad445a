package dev.aisle.evaluations.loop;

import dev.aisle.datasets.judgments.Intent;
import dev.aisle.engine.feedback.Verdict;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.suite.Fact;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleJudgeTest {

    private final RuleJudge judge = new RuleJudge();

    private static SuiteItem detail() {
        return SuiteItem.builder("q1", SuiteKind.ANSWER, "How much is the Acme Trail Runner 2?")
                .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(Fixtures.TRAIL)).build();
    }

    private JudgeScore score(SuiteItem item, String answer) {
        return judge.score(new Observation(item, SystemAnswer.text(answer, Fixtures.evidence()), Fixtures.catalogue()));
    }

    @Test
    void theRightPriceBeatsAWrongOne() {
        JudgeScore right = score(detail(), "The Acme Trail Runner 2 costs $129.99. <product id=\"" + Fixtures.TRAIL + "\"/>");
        JudgeScore wrong = score(detail(), "The Acme Trail Runner 2 costs $99.99. <product id=\"" + Fixtures.TRAIL + "\"/>");
        assertEquals(1.0, right.groundedness());
        assertEquals(0.5, wrong.groundedness(), "the product id is grounded, the price is not");
        assertEquals(Verdict.A, judge.compare(right, wrong));
        assertEquals(Verdict.B, judge.compare(wrong, right));
    }

    @Test
    void aProductThatBreaksTheConstraintLoses() {
        SuiteItem cheap = SuiteItem.builder("q2", SuiteKind.ANSWER, "running shoes under 100 dollars")
                .intent(Intent.RECOMMENDATION).facts(List.of(new Fact("*", "max_price", "100"))).build();
        JudgeScore fits = score(cheap, "Try the Zoom Road Glide. <product id=\"" + Fixtures.ROAD + "\"/>");
        JudgeScore over = score(cheap, "Try the Acme Trail Runner 2. <product id=\"" + Fixtures.TRAIL + "\"/>");
        assertEquals(1.0, fits.constraintSatisfaction());
        assertEquals(0.0, over.constraintSatisfaction());
        assertEquals(0.0, over.intentFit(), "a recommendation must satisfy the constraints");
        assertEquals(Verdict.A, judge.compare(fits, over));
    }

    @Test
    void madeUpProductsAndBrokenMarkupCostAndEqualAnswersTie() {
        JudgeScore good = score(detail(), "It is $129.99. <product id=\"" + Fixtures.TRAIL + "\"/>");
        JudgeScore madeUp = score(detail(), "It is $129.99. <product id=\"B0NOPE0000\"/>");
        assertEquals(1.0, madeUp.hallucinatedProductRate());
        assertEquals(Verdict.A, judge.compare(good, madeUp));
        JudgeScore broken = score(detail(), "It is $129.99. <product id=\"" + Fixtures.TRAIL + "\"/> <compare ids=\"\"/>");
        assertEquals(0.5, broken.markupValidity());
        assertEquals(Verdict.A, judge.compare(good, broken));
        assertEquals(Verdict.TIE, judge.compare(good, score(detail(), "It is $129.99. <product id=\"" + Fixtures.TRAIL + "\"/>")));
    }

    @Test
    void theBoundPricesJudgeAlsoWantsThePriceOfTheProductTheSentenceNames() {
        // both answers name the Trail Runner with a card and state a price some product in scope has: groundedness 1
        String card = " <product id=\"" + Fixtures.TRAIL + "\"/>";
        String own = "The Acme Trail Runner 2 costs $129.99." + card;
        String other = "The Acme Trail Runner 2 costs $89.50." + card;
        assertEquals(Verdict.TIE, judge.compare(score(detail(), own), score(detail(), other)), "the issue's judge cannot tell");
        RuleJudge bound = new RuleJudge(RuleJudge.Rules.BOUND_PRICES);
        JudgeScore right = bound.score(new Observation(detail(), SystemAnswer.text(own, Fixtures.evidence()), Fixtures.catalogue()));
        JudgeScore wrong = bound.score(new Observation(detail(), SystemAnswer.text(other, Fixtures.evidence()), Fixtures.catalogue()));
        assertEquals(1.0, wrong.groundedness(), "the Road Glide's price is in scope");
        assertEquals(1.0, right.priceRatingBinding());
        assertEquals(0.0, wrong.priceRatingBinding());
        assertEquals(Verdict.A, bound.compare(right, wrong));
        JudgeScore none = bound.score(new Observation(detail(), SystemAnswer.text("A grippy trail shoe." + card,
                Fixtures.evidence()), Fixtures.catalogue()));
        assertEquals(0.0, none.priceRatingBinding(), "no bound price stated: nothing bound");
        assertEquals(score(detail(), own).total() + 1, right.total(), 1e-9);
        assertEquals(0.0, score(detail(), own).priceRatingBinding(), "the issue's judge does not read binding");
    }

    @Test
    void pickCoversEveryIntentRoundRobinAndIsSeeded() {
        List<SuiteItem> items = IntStream.range(0, 50).mapToObj(i -> SuiteItem.builder("i" + i, SuiteKind.ANSWER, "q" + i)
                .intent(Intent.values()[i % 5 == 0 ? 0 : i % 5]).build()).toList();
        List<SuiteItem> ten = ClosedLoop.pick(items, 10, 3);
        assertEquals(10, ten.size());
        for (Intent intent : Intent.values()) {
            assertEquals(2, ten.stream().filter(i -> i.intent().orElseThrow() == intent).count(), intent.name());
        }
        assertEquals(ten, ClosedLoop.pick(items, 10, 3));
        assertEquals(50, ClosedLoop.pick(items, 80, 3).size());
    }
}
