package dev.aisle.evaluations.adapters;

import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.Response;
import dev.aisle.evaluations.stats.Preference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise preferences from the feedback store, as the statistics read them: each side is named
 * by the model that wrote the response ({@code modelName@modelVersion}), the item by the turn.
 * Pairs of two responses from the same model say nothing about models and are skipped.
 */
public final class FeedbackPreferences {

    private FeedbackPreferences() {
    }

    public static List<Preference> read(FeedbackStore store) {
        Map<Long, Response> responses = new HashMap<>();
        List<Preference> out = new ArrayList<>();
        for (dev.aisle.engine.feedback.Preference p : store.preferences()) {
            Response a = responses.computeIfAbsent(p.responseA(), store::response);
            Response b = responses.computeIfAbsent(p.responseB(), store::response);
            String sa = system(a);
            String sb = system(b);
            if (sa.equals(sb)) {
                continue;
            }
            out.add(new Preference("turn " + a.turnId(), sa, sb, Preference.Outcome.valueOf(p.verdict().name())));
        }
        return out;
    }

    static String system(Response r) {
        return r.modelVersion() == null || r.modelVersion().isBlank() ? r.modelName() : r.modelName() + "@" + r.modelVersion();
    }
}
