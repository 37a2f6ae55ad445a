package dev.aisle.evaluations.adapters;

import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Verdict;
import dev.aisle.evaluations.stats.Preference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedbackPreferencesTest {

    @Test
    void readsStoredPairsAsModelPreferences(@TempDir Path dir) {
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(dir.resolve("fb")))) {
            long conv = store.startConversation("eval").id();
            long turn = store.addTurn(conv, "trail shoes?").id();
            long base = store.addResponse(new NewResponse(turn, "base", "1", "{}", "{}", "p", "answer a")).id();
            long dpo = store.addResponse(new NewResponse(turn, "dpo", "2", "{}", "{}", "p", "answer b")).id();
            long base2 = store.addResponse(new NewResponse(turn, "base", "1", "{}", "{}", "p", "answer c")).id();
            store.prefer(new NewPreference(base, dpo, Verdict.B, "ann", ""));
            store.prefer(new NewPreference(dpo, base, Verdict.TIE, "ann", ""));
            store.prefer(new NewPreference(base, base2, Verdict.A, "ann", ""));
            List<Preference> prefs = FeedbackPreferences.read(store);
            assertEquals(List.of(
                    new Preference("turn " + turn, "base@1", "dpo@2", Preference.Outcome.B),
                    new Preference("turn " + turn, "dpo@2", "base@1", Preference.Outcome.TIE)), prefs);
        }
    }
}
