package dev.aisle.engine.feedback.exchange;

import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackException;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.Thumb;
import dev.aisle.engine.feedback.Turn;
import dev.aisle.engine.feedback.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferenceExchangeTest {

    @TempDir
    Path dir;
    private FeedbackStore store;
    private FeedbackStore other;

    @BeforeEach
    void open() {
        store = new FeedbackStore(FeedbackDatabase.open("jdbc:h2:mem:exchange-a;DB_CLOSE_DELAY=-1", "sa", ""));
        other = new FeedbackStore(FeedbackDatabase.open("jdbc:h2:mem:exchange-b;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @AfterEach
    void close() {
        for (FeedbackStore s : List.of(store, other)) {
            s.database().read(c -> c.createStatement().execute("DROP ALL OBJECTS"));
            s.close();
        }
    }

    private Response answer(Turn t, String text) {
        return store.addResponse(new NewResponse(t.id(), "aisle", "1", "{}", "{}", "PROMPT " + t.question(), text));
    }

    private static String export(FeedbackStore s, ExchangeFormat f) {
        StringWriter w = new StringWriter();
        new PreferenceExport(s).write(f, w);
        return w.toString();
    }

    @Test
    void exportsMajorityPreferencesAndThumbsInTrlLayoutsAndImportsThemBack() throws Exception {
        Turn t = store.addTurn(store.startConversation("c").id(), "gloves? \"quoted\"\nnew line");
        Response r1 = answer(t, "r1 <product id=\"B0X\"/>");
        Response r2 = answer(t, "r2 ünïcödé 🧤");
        Response r3 = answer(t, "r3");
        Response r4 = answer(t, "r4");
        Response r5 = answer(t, "r5");
        Response r6 = answer(t, "r6");
        store.prefer(new NewPreference(r1.id(), r2.id(), Verdict.A, "alice", ""));
        store.prefer(new NewPreference(r1.id(), r2.id(), Verdict.A, "bob", ""));
        store.prefer(new NewPreference(r4.id(), r3.id(), Verdict.B, "alice", ""));   // r3 wins, shown second
        store.prefer(new NewPreference(r1.id(), r3.id(), Verdict.TIE, "alice", ""));  // skipped
        store.prefer(new NewPreference(r2.id(), r4.id(), Verdict.A, "alice", ""));
        store.prefer(new NewPreference(r2.id(), r4.id(), Verdict.B, "bob", ""));      // split vote: skipped
        store.prefer(new NewPreference(r5.id(), r6.id(), Verdict.A, "alice", ""));    // r6 deleted below: skipped
        store.prefer(new NewPreference(r2.id(), r3.id(), Verdict.BOTH_BAD, "alice", ""));
        store.prefer(new NewPreference(r2.id(), r3.id(), Verdict.A, "alice", ""));    // alice changed her mind
        store.rate(new NewRating(r1.id(), "alice", Thumb.UP, Set.of(), ""));
        store.rate(new NewRating(r1.id(), "bob", Thumb.UP, Set.of(), ""));
        store.rate(new NewRating(r2.id(), "alice", Thumb.DOWN, Set.of(), ""));
        store.rate(new NewRating(r3.id(), "alice", Thumb.UP, Set.of(), ""));
        store.rate(new NewRating(r3.id(), "bob", Thumb.DOWN, Set.of(), ""));          // cancels out: skipped
        store.rate(new NewRating(r4.id(), "alice", Thumb.DOWN, Set.of(), ""));
        store.rate(new NewRating(r4.id(), "alice", Thumb.UP, Set.of(), ""));          // newest counts
        store.rate(new NewRating(r6.id(), "alice", Thumb.UP, Set.of(), ""));
        store.deleteResponse(r6.id());

        PreferenceExport export = new PreferenceExport(store);
        String prompt = "PROMPT " + t.question();
        assertEquals(List.of(new DpoExample(prompt, r1.text(), r2.text()), new DpoExample(prompt, r3.text(), r4.text()),
                new DpoExample(prompt, r2.text(), r3.text())), export.dpo());
        assertEquals(List.of(new KtoExample(prompt, r1.text(), true), new KtoExample(prompt, r2.text(), false),
                new KtoExample(prompt, r4.text(), true)), export.kto());

        String dpo = export(store, ExchangeFormat.DPO);
        String kto = export(store, ExchangeFormat.KTO);
        assertTrue(dpo.startsWith("{\"prompt\":\"PROMPT gloves? \\\"quoted\\\"\\nnew line\",\"chosen\":\"r1 <product id=\\\"B0X\\\"/>\",\"rejected\":\"r2"), dpo);
        assertTrue(kto.contains(",\"completion\":\"r4\",\"label\":true}\n"), kto);
        assertEquals(3, dpo.lines().count());

        Path dpoFile = dir.resolve("prefs.jsonl");
        Path ktoFile = dir.resolve("thumbs.jsonl");
        Files.writeString(dpoFile, dpo);
        Files.writeString(ktoFile, kto);
        assertEquals(new ExchangeSummary("dpo", 3, 0, "r0-p3"), new PreferenceImport(other).read(dpoFile, Optional.empty()));
        assertEquals(3, new PreferenceImport(other).read(ktoFile, Optional.of(ExchangeFormat.KTO)).examples());
        assertEquals(dpo, export(other, ExchangeFormat.DPO), "DPO round trip");
        assertEquals(kto, export(other, ExchangeFormat.KTO), "KTO round trip");
        assertTrue(other.preferences().stream().allMatch(p -> p.annotator().equals(PreferenceImport.ANNOTATOR)));
        assertEquals(1, other.turns(1).size(), "one turn per distinct prompt");
    }

    @Test
    void aResponseStoredWithoutItsPromptIsExportedWithItsQuestionInTheChatLayout() {
        Turn t = store.addTurn(store.startConversation("c").id(), "trail or road shoes?");
        Response a = store.addResponse(new NewResponse(t.id(), "m", "1", "{}", "{}", "", "trail"));
        Response b = store.addResponse(new NewResponse(t.id(), "m", "1", "{}", "{}", "", "road"));
        store.prefer(new NewPreference(a.id(), b.id(), Verdict.A, "alice", ""));
        String prompt = dev.aisle.engine.prompt.PromptLayout.render(dev.aisle.engine.prompt.PromptLayout.DEFAULT_SYSTEM,
                List.of(), List.of(), "trail or road shoes?");
        assertEquals(List.of(new DpoExample(prompt, "trail", "road")), new PreferenceExport(store).dpo());
    }

    @Test
    void aBadLineIsReportedWithFileAndLineAndNothingIsStored() throws Exception {
        String good = "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n";
        String[][] cases = {
                {good + "{\"prompt\":\"p\",\"chosen\":\"a\"}", ":2: missing \"rejected\""},
                {good + "\n[1,2]", ":3: each line must be one JSON object"},
                {good + "{oops", ":2: not JSON"},
                {"{\"prompt\":[{\"role\":\"user\",\"content\":\"hi\"}],\"chosen\":\"a\",\"rejected\":\"b\"}", ":1: \"prompt\" must be a string"},
                {"{\"prompt\":\"p\",\"completion\":\"a\",\"label\":\"yes\"}", ":1: \"label\" must be true or false"},
                {"{\"prompt\":\"p\",\"completion\":\"a\",\"label\":true,\"score\":1}", ":1: unexpected field \"score\""},
                {"{\"text\":\"x\"}", ":1: neither DPO"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.jsonl");
            Files.writeString(f, c[0]);
            FeedbackException e = assertThrows(FeedbackException.class, () -> new PreferenceImport(store).read(f, Optional.empty()));
            assertTrue(e.getMessage().contains("bad.jsonl" + c[1]), "expected '" + c[1] + "' in " + e.getMessage());
        }
        assertEquals(0, store.counts().responses());
    }

    @Test
    void anImportThatFailsWhileStoringLeavesTheStoreAsItWas() throws Exception {
        new PreferenceImport(store).read(write("first.jsonl", "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n"),
                Optional.empty());
        var before = store.counts();
        // Valid JSON, but the last answer is over the store's text limit: found only when it is stored.
        String tooLong = "x".repeat(2_000_001);
        Path f = write("second.jsonl", "{\"prompt\":\"q1\",\"chosen\":\"c\",\"rejected\":\"d\"}\n"
                + "{\"prompt\":\"q2\",\"chosen\":\"" + tooLong + "\",\"rejected\":\"d\"}\n");
        FeedbackException e = assertThrows(FeedbackException.class, () -> new PreferenceImport(store).read(f, Optional.empty()));
        assertTrue(e.getMessage().contains("response text"), e.getMessage());
        assertEquals(before, store.counts(), "nothing of the failed file is stored, and nothing before it is lost");
        assertEquals(1, new PreferenceExport(store).dpo().size());
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
