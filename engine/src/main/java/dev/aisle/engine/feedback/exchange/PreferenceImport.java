package dev.aisle.engine.feedback.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.feedback.Conversation;
import dev.aisle.engine.feedback.FeedbackException;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.Thumb;
import dev.aisle.engine.feedback.Turn;
import dev.aisle.engine.feedback.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads DPO or KTO JSONL (the export's layouts) into the store: every line becomes responses and
 * a label by the annotator {@value #ANNOTATOR}, in a conversation named after the file, one turn
 * per distinct prompt. The whole file is checked before anything is stored, and it is stored in
 * one transaction: a file is imported entirely or not at all. A bad line is reported as
 * {@code FILE:LINE: problem}.
 */
public final class PreferenceImport {

    public static final String ANNOTATOR = "imported";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedbackStore store;

    public PreferenceImport(FeedbackStore store) {
        this.store = store;
    }

    /** Imports {@code file}; the format is read from the first line's fields when not given. */
    public ExchangeSummary read(Path file, Optional<ExchangeFormat> format) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedbackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Parsed> parsed = new ArrayList<>();
        ExchangeFormat f = format.orElse(null);
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).isBlank()) {
                continue;
            }
            String where = file + ":" + (k + 1) + ": ";
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(k));
            } catch (JsonProcessingException e) {
                throw new FeedbackException(where + "not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new FeedbackException(where + "each line must be one JSON object");
            }
            if (f == null) {
                f = node.has("chosen") ? ExchangeFormat.DPO : node.has("completion") ? ExchangeFormat.KTO : null;
                if (f == null) {
                    throw new FeedbackException(where + "neither DPO (prompt, chosen, rejected) nor KTO "
                            + "(prompt, completion, label) fields");
                }
            }
            parsed.add(parse(node, f, where));
        }
        if (f == null) {
            throw new FeedbackException(file + " holds no examples");
        }
        ExchangeFormat layout = f;
        store.atomically(() -> {
            store(file, layout, parsed);
            return null;
        });
        return new ExchangeSummary(f.name().toLowerCase(java.util.Locale.ROOT), parsed.size(), 0, store.snapshot().id());
    }

    private record Parsed(String prompt, String first, String second, boolean label) {
    }

    private static Parsed parse(JsonNode node, ExchangeFormat f, String where) {
        Iterator<String> names = node.fieldNames();
        Set<String> allowed = f == ExchangeFormat.DPO ? Set.of("prompt", "chosen", "rejected")
                : Set.of("prompt", "completion", "label");
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new FeedbackException(where + "unexpected field \"" + n + "\" in a " + f + " line (fields: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        String prompt = text(node, "prompt", where);
        if (f == ExchangeFormat.DPO) {
            return new Parsed(prompt, text(node, "chosen", where), text(node, "rejected", where), true);
        }
        JsonNode label = node.get("label");
        if (label == null || !label.isBoolean()) {
            throw new FeedbackException(where + "\"label\" must be true or false, got " + label);
        }
        return new Parsed(prompt, text(node, "completion", where), "", label.booleanValue());
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new FeedbackException(where + "missing \"" + field + "\"");
        }
        if (!v.isTextual()) {
            throw new FeedbackException(where + "\"" + field + "\" must be a string (the conversational layout with "
                    + "message lists is not supported), got " + v.getNodeType());
        }
        return v.textValue();
    }

    private void store(Path file, ExchangeFormat f, List<Parsed> examples) {
        String source = file.getFileName().toString();
        Conversation conv = store.startConversation("imported from " + source);
        Map<String, Turn> turns = new HashMap<>();
        String config;
        try {
            config = JSON.writeValueAsString(Map.of("source", source, "format", f.name()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (Parsed p : examples) {
            Turn turn = turns.computeIfAbsent(p.prompt(), q -> store.addTurn(conv.id(), q));
            Response first = store.addResponse(new NewResponse(turn.id(), ANNOTATOR, source, config, "{}", p.prompt(), p.first()));
            if (f == ExchangeFormat.DPO) {
                Response second = store.addResponse(new NewResponse(turn.id(), ANNOTATOR, source, config, "{}", p.prompt(),
                        p.second()));
                store.prefer(new NewPreference(first.id(), second.id(), Verdict.A, ANNOTATOR, ""));
            } else {
                store.rate(new NewRating(first.id(), ANNOTATOR, p.label() ? Thumb.UP : Thumb.DOWN, Set.of(ANNOTATOR), ""));
            }
        }
    }
}
