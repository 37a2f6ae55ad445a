package dev.aisle.evaluations.suite;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;

import java.util.List;
import java.util.Locale;

/**
 * Suites generated from the corpus' held-out split, so that nothing a model trained on is used to
 * judge it: judged queries become retrieval items, evaluation questions become answer items with
 * their reference facts.
 */
public final class SuiteGenerator {

    private SuiteGenerator() {
    }

    public static Suite retrieval(Corpus corpus) {
        List<SuiteItem> items = corpus.judgedQueries().stream()
                .filter(q -> q.split() == Split.HELD_OUT)
                .map(SuiteGenerator::retrievalItem)
                .toList();
        return new Suite("retrieval", "corpus " + corpus.contentHash() + " judged queries, HELD_OUT", items);
    }

    static SuiteItem retrievalItem(JudgedQuery q) {
        return SuiteItem.builder(q.id(), SuiteKind.RETRIEVAL, q.query())
                .judgments(q.judgments().stream().map(j -> new GradedJudgment(j.productId(), j.label().grade())).toList())
                .expectedProductIds(q.judgments().stream().filter(j -> j.label() == Relevance.EXACT).map(Judgment::productId).toList())
                .tags(List.of("judged-query"))
                .build();
    }

    public static Suite answers(Corpus corpus) {
        return answers(corpus, Split.HELD_OUT);
    }

    /**
     * Answer items of one split. Only the closed preference loop asks for TRAIN: its labelled
     * answers are training data, so they must come from questions the evaluation never uses.
     */
    public static Suite answers(Corpus corpus, Split split) {
        List<SuiteItem> items = corpus.evalQuestions().stream()
                .filter(q -> q.split() == split)
                .map(SuiteGenerator::answerItem)
                .toList();
        return new Suite(split == Split.HELD_OUT ? "answers" : "answers-" + split.name().toLowerCase(Locale.ROOT),
                "corpus " + corpus.contentHash() + " evaluation questions, " + split, items);
    }

    static SuiteItem answerItem(EvalQuestion q) {
        return SuiteItem.builder(q.id(), SuiteKind.ANSWER, q.question())
                .intent(q.intent())
                .expectedProductIds(q.productIds())
                .facts(q.facts().stream().map(f -> new Fact(f.productId(), f.field(), f.value())).toList())
                .tags(List.of(q.intent().name().toLowerCase(Locale.ROOT)))
                .build();
    }
}
