package dev.aisle.evaluations.adapters;

import dev.aisle.engine.markup.MarkupStats;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.rag.pack.PackedEvidence;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.system.SystemAnswer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads what the metrics need from a finished {@link AnswerTrace}: the answer text, the packed
 * evidence ({@code rag.evidence}), the ranked products ({@code rag.hits}), the markup parser's
 * counts ({@code markup}) and the shopper-side timings: TTFT is the first token's arrival since
 * the question (retrieval included), e2e the end of the last stage.
 */
public final class TraceAnswers {

    private TraceAnswers() {
    }

    /** @throws IllegalStateException when the pipeline ended with an error, carrying its message */
    public static SystemAnswer fromTrace(AnswerTrace trace) {
        if (trace.finishReason().equals("error")) {
            Object why = trace.sections().get("error");
            throw new IllegalStateException("the assistant failed: " + (why == null ? "no detail in the trace" : why));
        }
        Object evidence = trace.sections().get("rag.evidence");
        Object hits = trace.sections().get("rag.hits");
        Object markup = trace.sections().get(MarkupStats.SECTION);
        List<dev.aisle.engine.prompt.EvidenceLine> lines = evidence instanceof PackedEvidence p ? p.lines() : List.of();
        List<String> ranked = hits instanceof RagPipeline.HitsSection h
                ? h.products().stream().map(ProductHit::productId).toList() : List.of();
        Optional<dev.aisle.evaluations.system.MarkupStats> stats = markup instanceof MarkupStats m
                ? Optional.of(new dev.aisle.evaluations.system.MarkupStats(m.valid(), m.rejected())) : Optional.empty();
        List<AnswerTrace.TokenTiming> tokens = trace.tokens();
        OptionalDouble ttft = tokens.isEmpty() ? firstSampled(trace) : OptionalDouble.of(tokens.get(0).nanosSinceStart() / 1e6);
        OptionalDouble e2e = trace.stages().stream()
                .mapToDouble(s -> (s.startNanos() + s.durationNanos()) / 1e6).max();
        return new SystemAnswer(trace.answerText(), lines, ranked, ttft, e2e, stats);
    }

    /**
     * An answer that ended on its first token (an end or other special token) shows no text, but its
     * first token was still sampled: TTFT is then the time until that token, from the generation
     * section (queue and prefill measured by the scheduler, plus everything before the prompt).
     */
    private static OptionalDouble firstSampled(AnswerTrace trace) {
        Object g = trace.sections().get(dev.aisle.engine.assistant.GenerationSection.NAME);
        if (!(g instanceof dev.aisle.engine.assistant.GenerationSection section) || Double.isNaN(section.ttftMs())) {
            return OptionalDouble.empty();
        }
        double beforeGeneration = trace.stages().stream().filter(s -> s.stage().equals("generation"))
                .mapToDouble(s -> s.startNanos() / 1e6).findFirst().orElse(0);
        return OptionalDouble.of(beforeGeneration + section.ttftMs());
    }
}
