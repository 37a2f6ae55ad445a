package dev.aisle.engine.serving.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.serving.metrics.IterationEvent;
import dev.aisle.engine.serving.metrics.RequestEvent;
import dev.aisle.engine.serving.metrics.ServingListener;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the event stream in the Chrome trace-event format (opens in Perfetto and
 * chrome://tracing). Process 1 is the scheduler: one slice per iteration split into "schedule" and
 * "model", plus counters (running, waiting, kv_usage, tokens). Process 2 has one track per
 * request: "queued", one slice per prefill chunk and "decode", with preemptions and the finish as
 * instants. Events are streamed to the writer; {@link #close()} ends the JSON.
 */
public final class ChromeTraceWriter implements ServingListener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEDULER = 1;
    private static final int REQUESTS = 2;
    private final Writer out;
    private final Map<String, Integer> track = new HashMap<>();
    private final Map<String, Long> queuedAt = new HashMap<>();
    private final Map<String, Long> lastMark = new HashMap<>();
    private long origin;
    private boolean first = true;
    private boolean closed;

    public ChromeTraceWriter(Writer out) {
        this.out = out;
        raw("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        meta(SCHEDULER, 0, "process_name", "scheduler");
        meta(SCHEDULER, 0, "thread_name", "iterations");
        meta(REQUESTS, 0, "process_name", "requests");
    }

    public static ChromeTraceWriter toFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter w = Files.newBufferedWriter(file);
        return new ChromeTraceWriter(w);
    }

    private double us(long nanos) {
        if (origin == 0) {
            origin = nanos;
        }
        return (nanos - origin) / 1000.0;
    }

    @Override
    public synchronized void onIteration(IterationEvent e) {
        double start = us(e.startNanos());
        ObjectNode slice = event("X", "step " + e.iteration(), SCHEDULER, 0, start)
                .put("dur", e.totalNanos() / 1000.0);
        slice.putObject("args").put("batch_size", e.batchSize()).put("prefill_tokens", e.prefillTokens())
                .put("decode_tokens", e.decodeTokens()).put("padding_tokens", e.paddingTokens())
                .put("preempted", e.preempted()).put("kv_blocks_used", e.kvBlocksUsed())
                .put("scheduling_us", e.schedulingNanos() / 1000.0).put("model_us", e.modelNanos() / 1000.0);
        emit(slice);
        emit(event("X", "model", SCHEDULER, 0, start + (e.totalNanos() - e.modelNanos()) / 1000.0)
                .put("dur", e.modelNanos() / 1000.0));
        ObjectNode batch = event("C", "batch", SCHEDULER, 0, start);
        batch.putObject("args").put("running", e.running()).put("waiting", e.waiting());
        emit(batch);
        ObjectNode kv = event("C", "kv_usage", SCHEDULER, 0, start);
        kv.putObject("args").put("kv_usage", e.kvUsage());
        emit(kv);
        ObjectNode tokens = event("C", "tokens", SCHEDULER, 0, start);
        tokens.putObject("args").put("prefill", e.prefillTokens()).put("decode", e.decodeTokens())
                .put("padding", e.paddingTokens());
        emit(tokens);
    }

    @Override
    public synchronized void onRequest(RequestEvent e) {
        String id = e.requestId();
        int tid = track.computeIfAbsent(id, k -> {
            int t = track.size() + 1;
            meta(REQUESTS, t, "thread_name", k);
            return t;
        });
        double now = us(e.nanos());
        switch (e.kind()) {
            case QUEUED -> {
                queuedAt.put(id, e.nanos());
                lastMark.put(id, e.nanos());
            }
            case ADMITTED -> {
                Long q = queuedAt.remove(id);
                if (q != null) {
                    span("queued", tid, q, e.nanos(), "cached_prompt_tokens", e.tokens());
                }
                lastMark.put(id, e.nanos());
            }
            case PREFILL_CHUNK -> {
                span("prefill", tid, lastMark.getOrDefault(id, e.nanos()), e.nanos(), "tokens", e.tokens());
                lastMark.put(id, e.nanos());
            }
            case FIRST_TOKEN -> {
                emit(event("i", "first token", REQUESTS, tid, now).put("s", "t"));
                lastMark.put(id, e.nanos());
            }
            case PREEMPTED -> {
                emit(event("i", "preempted", REQUESTS, tid, now).put("s", "t"));
                queuedAt.put(id, e.nanos());
            }
            case FINISHED -> {
                Long from = lastMark.remove(id);
                Long q = queuedAt.remove(id);
                if (q != null) {
                    span("queued", tid, q, e.nanos(), "tokens", 0);
                } else if (from != null && e.tokens() > 0) {
                    span("decode", tid, from, e.nanos(), "output_tokens", e.tokens());
                }
                ObjectNode fin = event("i", "finish: " + e.detail(), REQUESTS, tid, now).put("s", "t");
                emit(fin);
            }
            case TOKEN -> {
                // covered by the decode slice
            }
        }
    }

    private void span(String name, int tid, long fromNanos, long toNanos, String arg, int value) {
        ObjectNode s = event("X", name, REQUESTS, tid, us(fromNanos)).put("dur", (toNanos - fromNanos) / 1000.0);
        s.putObject("args").put(arg, value);
        emit(s);
    }

    private ObjectNode event(String ph, String name, int pid, int tid, double ts) {
        return JSON.createObjectNode().put("ph", ph).put("name", name).put("pid", pid).put("tid", tid).put("ts", ts);
    }

    private void meta(int pid, int tid, String what, String name) {
        ObjectNode m = JSON.createObjectNode().put("ph", "M").put("name", what).put("pid", pid).put("tid", tid);
        m.putObject("args").put("name", name);
        emit(m);
    }

    private void emit(ObjectNode node) {
        if (closed) {
            return;
        }
        try {
            raw((first ? "" : ",\n") + JSON.writeValueAsString(node));
            first = false;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write trace event", ex);
        }
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write Chrome trace", ex);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        raw("\n]}\n");
        closed = true;
        try {
            out.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot close Chrome trace", ex);
        }
    }
}
