package dev.aisle.engine.serving.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.serving.metrics.MetricsCollector;
import dev.aisle.engine.serving.metrics.MetricsSnapshot;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.GenerationRequest;
import dev.aisle.engine.serving.scheduler.PrefixHashBackend;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonlChromeTraceAndSnapshotDescribeTheSameRun() throws Exception {
        PrefixHashBackend backend = new PrefixHashBackend(64, 256, 4, 64, 1_000_003);
        ContinuousScheduler s = new ContinuousScheduler(backend, new SchedulerConfig(4, 16, 100, PrefixHashBackend.END));
        StringWriter jsonl = new StringWriter();
        StringWriter chrome = new StringWriter();
        MetricsCollector metrics = new MetricsCollector();
        JsonlEventWriter jw = new JsonlEventWriter(jsonl, false);
        ChromeTraceWriter cw = new ChromeTraceWriter(chrome);
        s.addListener(jw);
        s.addListener(cw);
        s.addListener(metrics);
        for (int i = 0; i < 6; i++) {
            int[] prompt = new int[10 + 7 * i];
            java.util.Arrays.fill(prompt, 7 + i);
            s.submit(GenerationRequest.greedy("r" + i, prompt, 5 + i));
        }
        s.runUntilIdle();
        jw.close();
        cw.close();

        int iterations = 0;
        Set<String> finished = new HashSet<>();
        for (String line : jsonl.toString().split("\n")) {
            JsonNode n = JSON.readTree(line);
            if (n.get("type").asText().equals("iteration")) {
                iterations++;
                assertTrue(n.get("prefillTokens").asInt() + n.get("decodeTokens").asInt() <= 16);
            } else if (n.get("kind").asText().equals("finished")) {
                finished.add(n.get("request").asText());
                assertEquals("length", n.get("detail").asText());
            }
        }
        assertEquals(6, finished.size());

        JsonNode trace = JSON.readTree(chrome.toString());
        int decodeSlices = 0;
        int prefillSlices = 0;
        int stepSlices = 0;
        for (JsonNode e : trace.get("traceEvents")) {
            String name = e.get("name").asText();
            if (e.get("ph").asText().equals("X")) {
                assertTrue(e.get("dur").asDouble() >= 0, "slice with negative duration: " + e);
            }
            if (name.equals("decode")) {
                decodeSlices++;
            } else if (name.equals("prefill")) {
                prefillSlices++;
            } else if (name.startsWith("step ")) {
                stepSlices++;
            }
        }
        assertEquals(6, decodeSlices);
        assertTrue(prefillSlices > 6, "long prompts are chunked under a 16-token budget");
        assertEquals(iterations, stepSlices);

        MetricsSnapshot snap = metrics.snapshot();
        assertEquals(6, snap.finished());
        assertEquals(iterations, snap.iterations());
        assertEquals(5 + 6 + 7 + 8 + 9 + 10, snap.outputTokens());
        assertEquals(6, snap.ttftMs().count());
        assertTrue(snap.ttftMs().p50() <= snap.ttftMs().p90() && snap.ttftMs().p90() <= snap.ttftMs().p99());
        assertEquals(6 * 4 + 5 + 6 + 7 + 8 + 9 + 10 - 6 * 5, snap.itlMs().count(), "one gap per token after the first");
        assertTrue(snap.batchSizeMax() <= 4);
        assertEquals(0, snap.kvBlocksUsed());
        assertEquals(6L, snap.finishReasons().get("length"));
        assertTrue(metrics.goodput(Double.MAX_VALUE, Double.MAX_VALUE) == 1.0);
        assertTrue(metrics.goodput(-1, Double.MAX_VALUE) == 0.0);
    }
}
