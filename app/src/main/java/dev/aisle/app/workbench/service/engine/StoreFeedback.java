package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.Thumb;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Thumbs and preferences into the engine's feedback store (H2 under AISLE_HOME). Every complete
 * answer is stored as a response and queued as a rating task wanting two labels, so annotators
 * can label it and their agreement can be measured. Calls block on the database: use an executor.
 */
public final class StoreFeedback implements FeedbackSink {

    /** The annotation queue the workbench fills and the Annotate view works through. */
    public static final String QUEUE = "workbench";
    private static final Set<String> TAGS = new LinkedHashSet<>(List.of("helpful", "wrong-product", "wrong-price",
            "not-grounded", "too-long", "off-topic", "broken-markup"));

    private final SessionResponses responses;

    StoreFeedback(SessionResponses responses) {
        this.responses = responses;
    }

    @Override
    public Set<String> reasonTags() {
        return TAGS;
    }

    @Override
    public void answered(AnswerTrace trace, AssistantConfig config) {
        if (responses.known(trace.id()) || trace.answerText().isBlank()) {
            return;
        }
        long id = responses.response(trace.id(), trace.question(), trace.answerText(), config.model(),
                TraceJson.of(config), TraceJson.of(trace));
        responses.store().tasks().addRatingTask(QUEUE, id, 2);
    }

    @Override
    public void rate(Rating rating) {
        long id = responses.response(rating.traceId(), rating.question(), rating.answer(), "", "{}", "{}");
        responses.store().rate(new NewRating(id, rating.annotator(), rating.up() ? Thumb.UP : Thumb.DOWN,
                rating.reasons(), rating.comment(), OptionalLong.empty()));
    }

    @Override
    public void prefer(Preference p) {
        long a = responses.response(p.traceA(), p.question(), p.answerA(), p.configA(), "{}", "{}");
        long b = responses.response(p.traceB(), p.question(), p.answerB(), p.configB(), "{}", "{}");
        dev.aisle.engine.feedback.Verdict v = switch (p.verdict()) {
            case A_BETTER -> dev.aisle.engine.feedback.Verdict.A;
            case B_BETTER -> dev.aisle.engine.feedback.Verdict.B;
            case TIE -> dev.aisle.engine.feedback.Verdict.TIE;
            case BOTH_BAD -> dev.aisle.engine.feedback.Verdict.BOTH_BAD;
        };
        responses.store().prefer(new NewPreference(a, b, v, p.annotator(), ""));
    }
}
