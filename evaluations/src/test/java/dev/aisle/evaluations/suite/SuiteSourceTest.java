package dev.aisle.evaluations.suite;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.ReferenceFact;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.evaluations.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteSourceTest {

    static Corpus corpus() {
        List<JudgedQuery> queries = List.of(
                new JudgedQuery("jq1", "trail shoes", Split.HELD_OUT, List.of(new Judgment(Fixtures.TRAIL, Relevance.EXACT),
                        new Judgment(Fixtures.ROAD, Relevance.SUBSTITUTE), new Judgment(Fixtures.DINO, Relevance.IRRELEVANT))),
                new JudgedQuery("jq2", "road shoes", Split.TRAIN, List.of(new Judgment(Fixtures.ROAD, Relevance.EXACT))));
        List<EvalQuestion> questions = new ArrayList<>();
        int n = 0;
        for (Intent intent : Intent.values()) {
            for (Split split : Split.values()) {
                questions.add(new EvalQuestion("ev" + (++n), "question " + n, intent, split, List.of(Fixtures.TRAIL),
                        List.of(new ReferenceFact("*", "max_price", "150"), new ReferenceFact(Fixtures.TRAIL, "drop", "4 mm"))));
            }
        }
        return new Corpus(Fixtures.products(), List.of(), List.of(), List.of(), queries, questions, "sha256:test");
    }

    private final SuiteSource source = new SuiteSource(SuiteSourceTest::corpus, Optional.empty());

    @Test
    void retrievalAndAnswersComeFromTheHeldOutSplitOnly() throws Exception {
        Suite r = source.load("retrieval");
        assertEquals(List.of("jq1"), r.items().stream().map(SuiteItem::id).toList());
        assertEquals(List.of(new GradedJudgment(Fixtures.TRAIL, 2), new GradedJudgment(Fixtures.ROAD, 1),
                new GradedJudgment(Fixtures.DINO, 0)), r.items().get(0).judgments());
        assertEquals(List.of(Fixtures.TRAIL), r.items().get(0).expectedProductIds());
        Suite a = source.load("answers");
        assertEquals(5, a.items().size());
        assertEquals(Set.of(Intent.values()), Set.copyOf(a.items().stream().map(i -> i.intent().orElseThrow()).toList()));
        assertEquals(1, a.items().get(0).constraints().size());
        assertTrue(r.source().contains("sha256:test"));
    }

    @Test
    void adversarialSuiteHasTheHandWrittenCasesFilledWithCatalogueProducts() throws Exception {
        Suite s = source.load("adversarial");
        Set<String> tags = new java.util.HashSet<>();
        s.items().forEach(i -> tags.addAll(i.tags()));
        assertTrue(tags.containsAll(Set.of("injection", "markup", "unknown-product", "nonsense", "empty", "long", "language", "follow-up")), tags.toString());
        SuiteItem empty = s.items().stream().filter(i -> i.tags().contains("empty")).findFirst().orElseThrow();
        assertEquals("", empty.question());
        SuiteItem longest = s.items().stream().filter(i -> i.tags().contains("long")).findFirst().orElseThrow();
        assertEquals(5000, longest.question().length());
        SuiteItem followUp = s.items().stream().filter(i -> i.id().equals("adv-follow-up-price")).findFirst().orElseThrow();
        assertEquals("How much does it cost?", followUp.question());
        assertTrue(followUp.history().get(0).answer().contains(Fixtures.TRAIL));
        assertEquals(new Fact(Fixtures.TRAIL, "price", "129.99"), followUp.facts().get(0));
        for (SuiteItem i : s.items()) {
            assertFalse(SuiteJsonl.toJson(i).toString().contains("{{"), "unfilled placeholder in " + i.id());
            assertEquals(SuiteKind.ADVERSARIAL, i.kind());
        }
        assertTrue(s.items().stream().filter(i -> i.tags().contains("injection")).allMatch(i -> !i.injected().isEmpty() && !i.forbidden().isEmpty()));
    }

    @Test
    void smokeTakesAFewOfEach() throws Exception {
        Suite s = source.load("smoke");
        assertEquals(1, s.items().stream().filter(i -> i.kind() == SuiteKind.RETRIEVAL).count());
        assertEquals(5, s.items().stream().filter(i -> i.kind() == SuiteKind.ANSWER).count());
        assertEquals(5, s.items().stream().filter(i -> i.kind() == SuiteKind.ADVERSARIAL).count());
    }

    @Test
    void productQaDefaultsToTheBundledSampleAndUnknownNamesFailClearly() throws Exception {
        Suite pq = new SuiteSource(() -> {
            throw new IllegalStateException("product-QA must not need the corpus");
        }, Optional.empty()).load("product-qa");
        assertEquals(6, pq.items().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.load("no-such-suite"));
        assertTrue(e.getMessage().contains("unknown suite 'no-such-suite'"), e.getMessage());
    }

    @Test
    void placeholdersBeyondTheCatalogueAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogueTemplates.fill("{{id:9}}", Fixtures.products(), "x.jsonl"));
        assertTrue(e.getMessage().contains("needs at least 9 catalogue products"), e.getMessage());
        assertEquals("ab ab ab", CatalogueTemplates.fill("ab {{repeat-to:8}}", List.of(), "x"));
    }
}
