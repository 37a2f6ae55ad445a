package dev.aisle.evaluations.system;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the system under test returned for one suite item: the parts of an
 * {@code AnswerTrace} that the metrics read.
 *
 * @param answerText   the answer with its markup, "" for retrieval-only systems
 * @param evidence     the numbered evidence items E1…En the answer could cite
 * @param rankedIds    retrieved product ids (or product-QA candidate ids), best first
 * @param ttftMs       time to the first token, when the system streams
 * @param e2eMs        end-to-end time of the request
 * @param markup       markup counts from the real parser, when the system has one
 */
public record SystemAnswer(String answerText, List<EvidenceLine> evidence, List<String> rankedIds,
                           OptionalDouble ttftMs, OptionalDouble e2eMs, Optional<MarkupStats> markup) {

    public SystemAnswer {
        answerText = answerText == null ? "" : answerText;
        evidence = List.copyOf(evidence);
        rankedIds = List.copyOf(rankedIds);
        ttftMs = ttftMs == null ? OptionalDouble.empty() : ttftMs;
        e2eMs = e2eMs == null ? OptionalDouble.empty() : e2eMs;
        markup = markup == null ? Optional.empty() : markup;
    }

    /** A ranking only, as a retriever or candidate ranker returns it. */
    public static SystemAnswer ranking(List<String> rankedIds, double e2eMs) {
        return new SystemAnswer("", List.of(), rankedIds, OptionalDouble.empty(), OptionalDouble.of(e2eMs), Optional.empty());
    }

    /** An answer without timings or parser counts (tests, replays). */
    public static SystemAnswer text(String answerText, List<EvidenceLine> evidence) {
        return new SystemAnswer(answerText, evidence, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
    }

    public SystemAnswer withTimings(OptionalDouble ttft, OptionalDouble e2e) {
        return new SystemAnswer(answerText, evidence, rankedIds, ttft, e2e, markup);
    }

    public Optional<EvidenceLine> evidence(String label) {
        return evidence.stream().filter(e -> e.label().equals(label)).findFirst();
    }
}
