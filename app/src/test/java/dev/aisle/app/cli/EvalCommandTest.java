package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eval command on the bundled product-QA sample: needs no corpus, model or index. */
class EvalCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run eval(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] full = new String[args.length + 1];
            full[0] = "eval";
            System.arraycopy(args, 0, full, 1, args.length);
            int code = new CommandLine(new AisleCommand()).execute(full);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesResultsAndReportAndPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        Run r = eval("--suite", "product-qa", "--config", "bm25", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), "exactly one JSON object on stdout");
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertEquals(6, summary.get("items").asInt());
        assertTrue(summary.at("/configurations/bm25/ndcg@10").asDouble() > 0.8);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"));
        assertTrue(Files.exists(dir.resolve("results.json")) && Files.exists(dir.resolve("suite.jsonl")));
    }

    @Test
    void aFailedThresholdExitsWithThreeAndSaysWhich(@TempDir Path dir) {
        Run r = eval("--suite", "product-qa", "--config", "bm25", "--out", dir.toString(),
                "--fail-under", "ndcg@10=0.95", "--fail-under", "mrr=0.5");
        assertEquals(EvalCommand.THRESHOLD_FAILED, r.code());
        assertTrue(r.err().contains("threshold failed: bm25 ndcg@10: 0.8690 < 0.95"), r.err());
        assertTrue(!r.err().contains("threshold failed: bm25 mrr"), r.err());
    }

    @Test
    void badInputIsAClearError(@TempDir Path dir) {
        Run unknownMetric = eval("--suite", "product-qa", "--out", dir.toString(), "--fail-under", "bleu=0.3");
        assertEquals(1, unknownMetric.code());
        assertTrue(unknownMetric.err().contains("unknown metric 'bleu'"), unknownMetric.err());
        Run answersWithRanker = eval("--suite", "product-qa", "--config", "rag-hybrid", "--out", dir.toString());
        assertEquals(1, answersWithRanker.code());
        assertTrue(answersWithRanker.err().contains("ranks catalogue products"), answersWithRanker.err());
    }
}
