package dev.aisle.engine.feedback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every feedback database (embedded H2, PostgreSQL) must do; subclasses supply a fresh one. */
abstract class FeedbackStoreContract {

    protected FeedbackStore store;

    /** A store on an empty database, migrated. */
    abstract FeedbackStore freshStore() throws Exception;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    FeedbackStore store() throws Exception {
        if (store == null) {
            store = freshStore();
        }
        return store;
    }

    static Response answer(FeedbackStore s, Turn t, String text) {
        return s.addResponse(new NewResponse(t.id(), "aisle-sft", "1", "{\"temperature\":0.7}",
                "{\"id\":\"t\"}", "<|user|>" + t.question() + "<|end|><|assistant|>", text));
    }

    @Test
    void migratesToTheCurrentSchema() throws Exception {
        assertEquals("1", store().database().schemaVersion());
    }

    @Test
    void storesConversationsTurnsAndResponsesAsGiven() throws Exception {
        FeedbackStore s = store();
        Conversation conv = s.startConversation("cold golf");
        Turn t0 = s.addTurn(conv.id(), "What do I need for cold-weather golf?");
        Turn t1 = s.addTurn(conv.id(), "And for rain?");
        assertEquals(List.of(t0, t1), s.turns(conv.id()));
        assertEquals(1, t1.index());
        Response r = answer(s, t0, "Try <product id=\"B0GLV12345\"/> — «warm» 🧤");
        assertEquals(r, s.response(r.id()));
        assertEquals(List.of(r), s.responses(t0.id()));
        assertEquals(t0, s.turn(t0.id()));
    }

    @Test
    void labelsAreStoredWithReasonsAndReadBack() throws Exception {
        FeedbackStore s = store();
        Turn t = s.addTurn(s.startConversation("c").id(), "q");
        Response a = answer(s, t, "a");
        Response b = answer(s, t, "b");
        Rating rating = s.rate(new NewRating(a.id(), "alice", Thumb.DOWN, Set.of("wrong-price", "not_grounded"), "price was $5 off"));
        assertEquals(List.of(rating), s.ratings(a.id()));
        Preference p = s.prefer(new NewPreference(a.id(), b.id(), Verdict.B, "bob", ""));
        assertEquals(List.of(p), s.preferences());
        assertEquals(new FeedbackSnapshot(rating.id(), p.id()), s.snapshot());
        assertEquals(new FeedbackCounts(1, 1, 2, 1, 1, 0, 0), s.counts());
    }

    @Test
    void badInputIsRefusedByNameAndLeavesTheStoreIntact() throws Exception {
        FeedbackStore s = store();
        Turn t = s.addTurn(s.startConversation("c").id(), "q");
        Response a = answer(s, t, "a");
        Response gone = answer(s, t, "gone");
        s.deleteResponse(gone.id());

        assertMessage("rated response 999999 does not exist",
                () -> s.rate(new NewRating(999_999, "alice", Thumb.UP, Set.of(), "")));
        assertMessage("rated response " + gone.id() + " was deleted at",
                () -> s.rate(new NewRating(gone.id(), "alice", Thumb.UP, Set.of(), "")));
        assertMessage("response B " + gone.id() + " was deleted",
                () -> s.prefer(new NewPreference(a.id(), gone.id(), Verdict.A, "alice", "")));
        assertMessage("comment is 4001 characters long; at most 4000",
                () -> s.rate(new NewRating(a.id(), "alice", Thumb.UP, Set.of(), "x".repeat(4001))));
        assertMessage("reason tag must be", () -> s.rate(new NewRating(a.id(), "alice", Thumb.UP, Set.of("Bad Tag!"), "")));
        assertMessage("annotator must not be blank", () -> s.rate(new NewRating(a.id(), " ", Thumb.UP, Set.of(), "")));
        assertMessage("comment contains a NUL character at offset 2",
                () -> s.rate(new NewRating(a.id(), "alice", Thumb.UP, Set.of(), "ab\u0000")));
        assertMessage("two different responses", () -> s.prefer(new NewPreference(a.id(), a.id(), Verdict.A, "alice", "")));
        assertMessage("turn 424242 does not exist", () -> s.addResponse(new NewResponse(424242, "m", "1", "{}", "{}", "p", "t")));
        assertMessage("response " + gone.id() + " was deleted", () -> s.deleteResponse(gone.id()));
        assertEquals(0, s.counts().ratings() + s.counts().preferences(), "no refused label left a trace");

        String sql = "'); DROP TABLE ratings; -- \" OR 1=1; \\x00 %_ $$";
        Rating stored = s.rate(new NewRating(a.id(), "o'brien\"; DELETE FROM responses;--", Thumb.UP, Set.of(), sql));
        assertEquals(List.of(stored), s.ratings(a.id()), "metacharacters are stored verbatim");
        assertEquals(2, s.counts().responses());
        assertEquals("x".repeat(4000), s.rate(new NewRating(a.id(), "alice", Thumb.UP, Set.of(), "x".repeat(4000))).comment());
    }

    @Test
    void doubleLabelledTasksGoToTwoDifferentAnnotatorsOnly() throws Exception {
        FeedbackStore s = store();
        Turn t = s.addTurn(s.startConversation("c").id(), "q");
        Response a = answer(s, t, "a");
        Response b = answer(s, t, "b");
        AnnotationTask task = s.tasks().addPreferenceTask("ab", a.id(), b.id(), 2);
        assertEquals(task.id(), s.tasks().claimNext("ab", "alice").orElseThrow().id());
        assertEquals(task.id(), s.tasks().claimNext("ab", "alice").orElseThrow().id(), "alice resumes her task");
        assertEquals(AnnotationTask.Status.OPEN, s.tasks().task(task.id()).status());
        assertEquals(task.id(), s.tasks().claimNext("ab", "bob").orElseThrow().id());
        assertTrue(s.tasks().claimNext("ab", "carol").isEmpty(), "both slots are taken");
        s.prefer(new NewPreference(b.id(), a.id(), Verdict.A, "alice", "", OptionalLong.of(task.id())));
        s.tasks().skip(task.id(), "bob");
        assertEquals(task.id(), s.tasks().claimNext("ab", "carol").orElseThrow().id(), "bob's slot is free again");
        s.prefer(new NewPreference(a.id(), b.id(), Verdict.B, "carol", "", OptionalLong.of(task.id())));
        AnnotationTask done = s.tasks().task(task.id());
        assertEquals(AnnotationTask.Status.DONE, done.status());
        assertEquals(2, done.labelsDone());
        assertTrue(s.tasks().claimNext("ab", "bob").isEmpty(), "bob skipped it; it is done anyway");
        assertMessage("is a PREFERENCE task", () -> s.rate(new NewRating(a.id(), "dave", Thumb.UP, Set.of(), "",
                OptionalLong.of(task.id()))));
    }

    @Test
    void concurrentAnnotatorsLoseNoLabelAndNeverOverfillATask() throws Exception {
        FeedbackStore s = store();
        Turn t = s.addTurn(s.startConversation("c").id(), "q");
        List<Response> responses = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            responses.add(answer(s, t, "answer " + k));
            s.tasks().addRatingTask("double", responses.get(k).id(), 2);
        }
        int annotators = 6;
        int perAnnotator = 15;
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        Map<String, Set<Long>> claimed = new ConcurrentHashMap<>();
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int k = 0; k < annotators; k++) {
                String who = "annotator-" + k;
                futures.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perAnnotator; i++) {
                        Response r = responses.get((i * 7 + who.hashCode()) % responses.size() < 0 ? 0
                                : Math.floorMod(i * 7 + who.hashCode(), responses.size()));
                        ids.add(s.rate(new NewRating(r.id(), who, i % 2 == 0 ? Thumb.UP : Thumb.DOWN, Set.of("x"), "free " + i)).id());
                    }
                    var task = s.tasks().claimNext("double", who);
                    while (task.isPresent()) {
                        assertTrue(claimed.computeIfAbsent(who, w -> ConcurrentHashMap.newKeySet()).add(task.get().id()));
                        ids.add(s.rate(new NewRating(task.get().responseA(), who, Thumb.UP, Set.of(), "task",
                                OptionalLong.of(task.get().id()))).id());
                        task = s.tasks().claimNext("double", who);
                    }
                    return ids;
                }));
            }
            Set<Long> acknowledged = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                acknowledged.addAll(f.get());
            }
            Set<Long> stored = new HashSet<>();
            s.allRatings().forEach(r -> stored.add(r.id()));
            assertEquals(acknowledged, stored, "every acknowledged label is stored, and nothing else");
            assertEquals(annotators * perAnnotator + 12 * 2, stored.size());
            for (AnnotationTask task : s.tasks().tasks("double")) {
                assertEquals(2, task.labelsDone(), "task " + task.id());
                assertEquals(AnnotationTask.Status.DONE, task.status());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelRegistryKeepsLineage() throws Exception {
        ModelRegistry reg = store().models();
        ModelEntry base = reg.register(new ModelRegistry.NewModel("aisle", "pretrain-1", "pretrain", OptionalLong.empty(),
                "/m/pre", "c0ffee", "", "{}"));
        ModelEntry sft = reg.register(new ModelRegistry.NewModel("aisle", "sft-1", "sft", OptionalLong.of(base.id()),
                "/m/sft", "c0ffee", "", "{}"));
        ModelEntry dpo = reg.register(new ModelRegistry.NewModel("aisle", "dpo-1", "dpo", OptionalLong.of(sft.id()),
                "/m/dpo", "c0ffee", "r10-p4", "{\"beta\":0.1}"));
        assertEquals(List.of(dpo, sft, base), reg.lineage(dpo.id()));
        assertEquals(dpo, reg.find("aisle", "dpo-1").orElseThrow());
        assertMessage("already registered", () -> reg.register(new ModelRegistry.NewModel("aisle", "sft-1", "sft",
                OptionalLong.empty(), "", "", "", "{}")));
        assertMessage("parent model 999 is not registered", () -> reg.register(new ModelRegistry.NewModel("x", "1", "sft",
                OptionalLong.of(999), "", "", "", "{}")));
    }

    @Test
    void aTrainedModelIsRegisteredUnderItsParentWhichIsRegisteredOnce() throws Exception {
        ModelRegistry reg = store().models();
        ModelEntry first = reg.registerTrained("/m/default", "sft", "/runs/a/model", "dpo", "c0ffee", "r0-p40", "{}");
        ModelEntry second = reg.registerTrained("/m/default", "sft", "/runs/b/model", "kto", "c0ffee", "r12-p40", "{}");
        assertEquals(first.parentId(), second.parentId(), "the parent is found by its directory, not registered twice");
        ModelEntry parent = reg.get(first.parentId().orElseThrow());
        assertEquals(List.of("default", "base", "sft"), List.of(parent.name(), parent.version(), parent.stage()));
        assertEquals(List.of("model", "r0-p40", "dpo"), List.of(first.name(), first.version(), first.stage()));
        assertEquals("r12-p40", second.feedbackSnapshot());
        assertEquals(3, reg.all().size());
    }

    @Test
    void agreementIsMeasuredOnDoubleLabelledItems() throws Exception {
        FeedbackStore s = store();
        Turn t = s.addTurn(s.startConversation("c").id(), "q");
        // alice/bob on 4 responses: agree, agree, disagree, agree (alice changes her mind on the last one first)
        Thumb[][] labels = {{Thumb.UP, Thumb.UP}, {Thumb.DOWN, Thumb.DOWN}, {Thumb.UP, Thumb.DOWN}, {Thumb.UP, Thumb.UP}};
        List<Response> rs = new ArrayList<>();
        for (Thumb[] pair : labels) {
            Response r = answer(s, t, "a");
            rs.add(r);
            if (rs.size() == 4) {
                s.rate(new NewRating(r.id(), "alice", Thumb.DOWN, Set.of(), "first thought"));
            }
            s.rate(new NewRating(r.id(), "alice", pair[0], Set.of(), ""));
            s.rate(new NewRating(r.id(), "bob", pair[1], Set.of(), ""));
        }
        s.rate(new NewRating(answer(s, t, "single").id(), "carol", Thumb.UP, Set.of(), ""));
        s.prefer(new NewPreference(rs.get(0).id(), rs.get(1).id(), Verdict.A, "alice", ""));
        s.prefer(new NewPreference(rs.get(1).id(), rs.get(0).id(), Verdict.B, "bob", "")); // same judgement, flipped
        AgreementReport report = s.agreement();
        assertEquals(4, report.ratedItems());
        // po = 3/4; alice UP 3/4, bob UP 2/4: pe = 3/4*2/4 + 1/4*2/4 = 1/2; kappa = (3/4 - 1/2) / (1/2) = 1/2
        assertEquals(0.5, report.ratingKappa(), 1e-12);
        assertEquals(1, report.comparedItems());
        assertTrue(Double.isNaN(report.preferenceKappa()), "one item with one category: chance agreement is 1");
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        FeedbackException e = assertThrows(FeedbackException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
