package dev.aisle.evaluations.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.Relevance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes suites as JSONL: one {@link SuiteItem} per line, blank lines and lines starting
 * with {@code //} ignored. Every error names the source and line, and unknown fields are errors
 * so that a typo in a hand-written suite does not silently drop a check.
 *
 * <pre>
 * {"id":"cmp-1","kind":"answer","question":"Trail or road shoes?","intent":"comparison",
 *  "judgments":[{"doc":"B0RUN00001","gain":3}], "expectedProductIds":["B0RUN00001"],
 *  "facts":[{"productId":"*","field":"max_price","value":"150"}],
 *  "history":[{"question":"…","answer":"…"}], "injected":[{"source":"review","productId":"…","text":"…"}],
 *  "forbidden":["HACKED"], "candidates":[{"id":"q1#0","productId":"…","source":"review","text":"…"}],
 *  "referenceAnswer":"…", "tags":["follow-up"]}
 * </pre>
 * A judgment may give {@code "label":"E"} (E/S/C/I) instead of {@code "gain"}.
 */
public final class SuiteJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "kind", "question", "intent", "judgments",
            "expectedProductIds", "facts", "history", "injected", "forbidden", "candidates", "referenceAnswer", "tags");

    private SuiteJsonl() {
    }

    public static Suite read(Path file, String suiteName) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, suiteName, file.toString());
        }
    }

    public static Suite read(Reader reader, String suiteName, String sourceName) throws IOException {
        List<SuiteItem> items = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            String where = sourceName + ":" + lineNo;
            try {
                items.add(parseItem(JSON.readTree(t)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new Suite(suiteName, sourceName, items);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
        }
    }

    static SuiteItem parseItem(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("each line must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = text(n, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("missing \"id\"");
        }
        SuiteItem.Builder b = SuiteItem.builder(id, SuiteKind.parse(text(n, "kind")), text(n, "question"));
        String intent = text(n, "intent");
        if (!intent.isBlank()) {
            b.intent(parseIntent(intent));
        }
        return b.judgments(list(n, "judgments", SuiteJsonl::judgment))
                .expectedProductIds(list(n, "expectedProductIds", JsonNode::asText))
                .facts(list(n, "facts", j -> new Fact(text(j, "productId"), text(j, "field"), text(j, "value"))))
                .history(list(n, "history", j -> new Turn(text(j, "question"), text(j, "answer"))))
                .injected(list(n, "injected", j -> new InjectedEvidence(text(j, "source"), text(j, "productId"), text(j, "text"))))
                .forbidden(list(n, "forbidden", JsonNode::asText))
                .candidates(list(n, "candidates", j -> new Candidate(text(j, "id"), text(j, "productId"), text(j, "source"), text(j, "text"))))
                .referenceAnswer(text(n, "referenceAnswer"))
                .tags(list(n, "tags", JsonNode::asText))
                .build();
    }

    public static Intent parseIntent(String text) {
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Intent.valueOf(norm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("intent must be one of product_detail, comparison, recommendation, advice, store_service; got '" + text + "'");
        }
    }

    private static GradedJudgment judgment(JsonNode j) {
        String doc = text(j, "doc");
        if (j.has("gain")) {
            if (!j.get("gain").canConvertToInt()) {
                throw new IllegalArgumentException("judgment gain must be an integer, got " + j.get("gain"));
            }
            return new GradedJudgment(doc, j.get("gain").asInt());
        }
        if (j.has("label")) {
            return new GradedJudgment(doc, Relevance.fromCode(text(j, "label")).grade());
        }
        throw new IllegalArgumentException("judgment of '" + doc + "' needs \"gain\" or \"label\"");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static <T> List<T> list(JsonNode n, String field, Function<JsonNode, T> each) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an array, got " + v.getNodeType());
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            try {
                out.add(each.apply(v.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static void write(Suite suite, Writer out) throws IOException {
        for (SuiteItem item : suite.items()) {
            out.write(JSON.writeValueAsString(toJson(item)));
            out.write('\n');
        }
    }

    public static void write(Suite suite, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(suite, w);
        }
    }

    static ObjectNode toJson(SuiteItem item) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", item.id());
        n.put("kind", item.kind().wireName());
        n.put("question", item.question());
        item.intent().ifPresent(i -> n.put("intent", i.name().toLowerCase(Locale.ROOT)));
        array(n, "judgments", item.judgments(), (a, j) -> a.addObject().put("doc", j.docId()).put("gain", j.gain()));
        array(n, "expectedProductIds", item.expectedProductIds(), ArrayNode::add);
        array(n, "facts", item.facts(), (a, f) -> a.addObject().put("productId", f.productId()).put("field", f.field()).put("value", f.value()));
        array(n, "history", item.history(), (a, t) -> a.addObject().put("question", t.question()).put("answer", t.answer()));
        array(n, "injected", item.injected(), (a, e) -> a.addObject().put("source", e.source()).put("productId", e.productId()).put("text", e.text()));
        array(n, "forbidden", item.forbidden(), ArrayNode::add);
        array(n, "candidates", item.candidates(), (a, c) -> a.addObject().put("id", c.id()).put("productId", c.productId()).put("source", c.source()).put("text", c.text()));
        if (!item.referenceAnswer().isEmpty()) {
            n.put("referenceAnswer", item.referenceAnswer());
        }
        array(n, "tags", item.tags(), ArrayNode::add);
        return n;
    }

    private static <T> void array(ObjectNode n, String field, List<T> values, java.util.function.BiConsumer<ArrayNode, T> add) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(v -> add.accept(a, v));
        }
    }
}
