package dev.aisle.app.workbench.service.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.FeedbackSink;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.trace.AnswerTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's feedback adapters on the real H2 feedback store. */
class StoreFeedbackTest {

    private static final AssistantConfig CONFIG = new AssistantConfig("base", "tiny", "cpu", 0.7, 0.9, 64, 8, "hybrid");

    @Test
    void answersBecomeTasksThatTwoAnnotatorsLabel(@TempDir Path home) {
        try (FeedbackStore store = FeedbackStore.openEmbedded(new AisleHome(home))) {
            FeedbackAdapters adapters = FeedbackAdapters.on(store);
            AnswerTrace trace = new AnswerTrace("t1", "Warm golf gloves?");
            trace.finish("Try these <product id=\"P1\"/>", "stop");
            adapters.feedback().answered(trace, CONFIG);
            adapters.feedback().answered(trace, CONFIG);
            assertEquals(1, store.tasks().tasks(StoreFeedback.QUEUE).size(), "one task per answer");

            AnnotationQueue queue = adapters.annotations();
            List<AnnotationQueue.Item> first = queue.pending("ann-1", 10);
            assertEquals(1, first.size());
            assertEquals("Warm golf gloves?", first.get(0).question());
            assertEquals("Try these <product id=\"P1\"/>", first.get(0).answer());
            queue.label(new AnnotationQueue.Label(first.get(0).itemId(), "ann-1", AnnotationQueue.Verdict.GOOD,
                    Set.of("helpful"), "ok"));
            assertTrue(queue.pending("ann-1", 10).isEmpty(), "never the same task twice to one annotator");

            List<AnnotationQueue.Item> second = queue.pending("ann-2", 10);
            queue.label(new AnnotationQueue.Label(second.get(0).itemId(), "ann-2", AnnotationQueue.Verdict.GOOD,
                    Set.of(), ""));
            assertEquals(new AnnotationQueue.Progress(1, 1), queue.progress("ann-2"));
            AnnotationQueue.Agreement agreement = queue.agreement();
            assertEquals(1, agreement.overlappingItems());
            assertEquals(1.0, agreement.percentAgreement(), 1e-9);
        }
    }

    @Test
    void thumbsAndPreferencesAreStored(@TempDir Path home) {
        try (FeedbackStore store = FeedbackStore.openEmbedded(new AisleHome(home))) {
            FeedbackSink sink = FeedbackAdapters.on(store).feedback();
            sink.rate(new FeedbackSink.Rating("t1", "q?", "a1", false, Set.of("wrong-price"), "", "workbench"));
            sink.prefer(new FeedbackSink.Preference("q?", "t1", "a1", "base", "t2", "a2", "sft",
                    FeedbackSink.Verdict.B_BETTER, "workbench"));
            assertEquals(1, store.allRatings().size());
            assertEquals(Set.of("wrong-price"), store.allRatings().get(0).reasons());
            assertEquals(1, store.preferences().size());
            assertEquals(dev.aisle.engine.feedback.Verdict.B, store.preferences().get(0).verdict());
            assertEquals(2, store.counts().responses(), "t1 stored once, t2 once");
        }
    }
}
