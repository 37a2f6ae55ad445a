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

/**
 * Writes the event stream as JSON lines: {@code {"type":"iteration",...}} and
 * {@code {"type":"request",...}}, times in microseconds since the first event. Per-token events
 * are left out unless asked for, since they outnumber everything else.
 */
public final class JsonlEventWriter implements ServingListener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;
    private final boolean tokens;
    private long origin;

    public JsonlEventWriter(Writer out, boolean includeTokenEvents) {
        this.out = out;
        this.tokens = includeTokenEvents;
    }

    public static JsonlEventWriter toFile(Path file, boolean includeTokenEvents) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter w = Files.newBufferedWriter(file);
        return new JsonlEventWriter(w, includeTokenEvents);
    }

    private long micros(long nanos) {
        if (origin == 0) {
            origin = nanos;
        }
        return (nanos - origin) / 1000;
    }

    @Override
    public synchronized void onIteration(IterationEvent e) {
        ObjectNode line = JSON.createObjectNode().put("type", "iteration").put("t_us", micros(e.startNanos()));
        line.setAll((ObjectNode) JSON.valueToTree(e));
        line.remove("startNanos");
        write(line);
    }

    @Override
    public synchronized void onRequest(RequestEvent e) {
        if (e.kind() == RequestEvent.Kind.TOKEN && !tokens) {
            return;
        }
        write(JSON.createObjectNode().put("type", "request").put("t_us", micros(e.nanos()))
                .put("request", e.requestId()).put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("tokens", e.tokens()).put("detail", e.detail()));
    }

    private void write(ObjectNode node) {
        try {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write serving events", ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot close serving events file", ex);
        }
    }
}
