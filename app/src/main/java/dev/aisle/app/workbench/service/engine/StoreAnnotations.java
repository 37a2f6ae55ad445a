package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AnnotationQueue;
import dev.aisle.engine.feedback.AnnotationTask;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.TaskKind;
import dev.aisle.engine.feedback.Thumb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Annotate view's queue on the feedback store's "workbench" annotation queue: the store hands
 * out one task at a time per annotator (never the same task twice to one annotator); labels are
 * ratings tied to their task. Agreement comes from the store's report (Cohen's κ on ratings).
 */
public final class StoreAnnotations implements AnnotationQueue {

    private final FeedbackStore store;

    StoreAnnotations(FeedbackStore store) {
        this.store = store;
    }

    @Override
    public List<Item> pending(String annotator, int limit) {
        Optional<AnnotationTask> next = store.tasks().claimNext(StoreFeedback.QUEUE, annotator);
        if (next.isEmpty() || next.get().kind() != TaskKind.RATING) {
            return List.of();
        }
        AnnotationTask t = next.get();
        Response r = store.response(t.responseA());
        String question = store.turn(r.turnId()).question();
        return List.of(new Item(String.valueOf(t.id()), "response " + r.id(), question, r.text(), r.modelName()));
    }

    @Override
    public void label(Label label) {
        long taskId;
        try {
            taskId = Long.parseLong(label.itemId());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("annotation item id must be a task number, got '" + label.itemId() + "'");
        }
        if (label.verdict() == Verdict.SKIP) {
            store.tasks().skip(taskId, label.annotator());
            return;
        }
        AnnotationTask t = store.tasks().task(taskId);
        store.rate(new NewRating(t.responseA(), label.annotator(), label.verdict() == Verdict.GOOD ? Thumb.UP : Thumb.DOWN,
                label.reasons(), label.comment(), OptionalLong.of(taskId)));
    }

    @Override
    public Progress progress(String annotator) {
        int total = store.tasks().tasks(StoreFeedback.QUEUE).size();
        long mine = store.allRatings().stream()
                .filter(r -> r.annotator().equals(annotator) && r.taskId().isPresent()).count();
        return new Progress((int) mine, total);
    }

    @Override
    public Agreement agreement() {
        Map<Long, List<Thumb>> byResponse = new LinkedHashMap<>();
        for (dev.aisle.engine.feedback.Rating r : store.allRatings()) {
            byResponse.computeIfAbsent(r.responseId(), k -> new ArrayList<>()).add(r.thumb());
        }
        int shared = 0;
        int agreeing = 0;
        for (List<Thumb> thumbs : byResponse.values()) {
            if (thumbs.size() >= 2) {
                shared++;
                agreeing += thumbs.stream().distinct().count() == 1 ? 1 : 0;
            }
        }
        return new Agreement(shared, shared == 0 ? Double.NaN : (double) agreeing / shared,
                store.agreement().ratingKappa());
    }
}
