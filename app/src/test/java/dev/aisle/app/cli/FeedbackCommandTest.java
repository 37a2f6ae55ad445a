package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.Thumb;
import dev.aisle.engine.feedback.Turn;
import dev.aisle.engine.feedback.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackCommandTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        return new CommandLine(new AisleCommand()).execute(args);
    }

    private static String stdoutOf(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(args));
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exportsImportsAndReportsAgreement() throws Exception {
        String source = "jdbc:h2:file:" + dir.resolve("a") + ";AUTO_SERVER=TRUE";
        String target = "jdbc:h2:file:" + dir.resolve("b") + ";AUTO_SERVER=TRUE";
        try (FeedbackStore s = new FeedbackStore(FeedbackDatabase.open(source, "sa", ""))) {
            Turn t = s.addTurn(s.startConversation("c").id(), "warm gloves?");
            Response a = s.addResponse(new NewResponse(t.id(), "m", "1", "{}", "{}", "P", "good"));
            Response b = s.addResponse(new NewResponse(t.id(), "m", "1", "{}", "{}", "P", "bad"));
            s.prefer(new NewPreference(a.id(), b.id(), Verdict.A, "alice", ""));
            s.rate(new NewRating(a.id(), "alice", Thumb.UP, Set.of(), ""));
            s.rate(new NewRating(a.id(), "bob", Thumb.UP, Set.of(), ""));
        }
        Path dpo = dir.resolve("out/dpo.jsonl");
        JsonNode summary = new ObjectMapper().readTree(stdoutOf("feedback", "export", "--format", "dpo", "--out",
                dpo.toString(), "--json", "--db", source));
        assertEquals(1, summary.get("examples").asInt());
        assertEquals(List.of("{\"prompt\":\"P\",\"chosen\":\"good\",\"rejected\":\"bad\"}"), Files.readAllLines(dpo));
        String kto = stdoutOf("feedback", "export", "--format", "kto", "--db", source);
        assertEquals("{\"prompt\":\"P\",\"completion\":\"good\",\"label\":true}\n", kto);

        assertEquals(0, run("feedback", "import", dpo.toString(), "--db", target));
        JsonNode stats = new ObjectMapper().readTree(stdoutOf("feedback", "stats", "--json", "--db", target));
        assertEquals(1, stats.get("counts").get("preferences").asInt());
        assertEquals("1", stats.get("schemaVersion").asText());
        assertTrue(stats.get("agreement").get("ratingKappa").isNull(), "no double-labelled items: undefined");

        assertEquals(2, run("feedback", "export", "--format", "dpo", "--json", "--db", source), "--json without --out");
        assertEquals(1, run("feedback", "import", dir.resolve("a.mv.db").toString(), "--db", target), "not JSONL");
    }
}
