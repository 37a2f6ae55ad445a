package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.FeedbackSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A feedback sink that remembers what it was given (and can be told to fail). */
public final class RecordingFeedback implements FeedbackSink {

    public final List<Rating> ratings = new CopyOnWriteArrayList<>();
    public final List<Preference> preferences = new CopyOnWriteArrayList<>();
    public volatile String failWith;

    @Override
    public Set<String> reasonTags() {
        return new LinkedHashSet<>(List.of("wrong product", "not grounded", "too long", "helpful"));
    }

    @Override
    public void rate(Rating rating) {
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        ratings.add(rating);
    }

    @Override
    public void prefer(Preference preference) {
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        preferences.add(preference);
    }
}
