package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.corpus.CorpusStore;
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

class CorpusCommandTest {

    @TempDir
    Path dir;

    /** Runs the command line and returns {exit code, stdout, stderr}. */
    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new AisleCommand()).execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void generatePrintsOneJsonObjectAndWritesTheCorpus() throws Exception {
        Path corpus = dir.resolve("corpus");
        String[] r = run("corpus", "generate", "--out", corpus.toString(), "--products", "60", "--seed", "9", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode json = new ObjectMapper().readTree(r[1]);
        assertEquals(60, json.get("counts").get("products").asInt());
        assertEquals(9, json.get("seed").asLong());
        assertEquals(CorpusStore.manifest(corpus).contentHash(), json.get("contentHash").asText());
        assertTrue(json.get("generate_cpu_s").asDouble() >= 0);
    }

    @Test
    void importSkipsBadLinesOrStopsWithStrict() throws Exception {
        Path corpus = dir.resolve("corpus");
        Path csv = dir.resolve("judgments.csv");
        Files.writeString(csv, "query,product_id,esci_label\nwinter golf gloves,B0AAAAAAAA,E\nbad row,B0AAAAAAAB,Q\n");

        String[] strict = run("corpus", "import", "esci", csv.toString(), "--strict", "--out", corpus.toString());
        assertEquals("1", strict[0]);
        assertTrue(strict[2].contains("judgments.csv:3: relevance label must be one of E, S, C, I; got 'Q'"), strict[2]);
        assertTrue(!Files.exists(corpus.resolve(CorpusStore.MANIFEST)), "strict stop writes nothing");

        String[] lenient = run("corpus", "import", "esci", csv.toString(), "--out", corpus.toString());
        assertEquals("0", lenient[0], lenient[2]);
        assertTrue(lenient[2].contains("skipped") && lenient[2].contains("judgments.csv:3:"), lenient[2]);
        assertTrue(lenient[1].contains("1 judged queries"), lenient[1]);
        assertEquals(1, CorpusStore.read(corpus).judgedQueries().size());
    }

    @Test
    void anUnknownFormatIsNamed() {
        String[] r = run("corpus", "import", "parquet", "x.parquet");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown import format 'parquet'"), r[2]);
    }
}
