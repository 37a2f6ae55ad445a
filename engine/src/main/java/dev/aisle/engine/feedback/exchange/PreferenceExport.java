package dev.aisle.engine.feedback.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.Preference;
import dev.aisle.engine.feedback.Rating;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.Verdict;
import dev.aisle.engine.prompt.PromptLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the store's labels into training examples. Each annotator's newest label counts once.
 * DPO: a pair is exported when more annotators preferred one side than the other (ties, "both
 * bad" and split votes are left out), with the winner's prompt. KTO: a response is exported when
 * its thumbs do not cancel out. Deleted responses are never exported. A response stored without
 * its prompt (a client that did not keep it) is exported with its question in the chat layout,
 * without evidence, so that every line is something the model can be trained on.
 */
public final class PreferenceExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedbackStore store;
    private final Map<Long, Optional<Response>> responses = new HashMap<>();
    private int skipped;

    public PreferenceExport(FeedbackStore store) {
        this.store = store;
    }

    public List<DpoExample> dpo() {
        Map<String, Map<String, Boolean>> votes = new LinkedHashMap<>(); // pair -> annotator -> lower id won?
        Map<String, long[]> pairs = new HashMap<>();
        for (Preference p : store.preferences()) {
            long lo = Math.min(p.responseA(), p.responseB());
            long hi = Math.max(p.responseA(), p.responseB());
            String key = lo + "," + hi;
            pairs.put(key, new long[] {lo, hi});
            Map<String, Boolean> byAnnotator = votes.computeIfAbsent(key, k -> new LinkedHashMap<>());
            byAnnotator.remove(p.annotator()); // the newest label replaces the older one
            if (p.verdict() == Verdict.A || p.verdict() == Verdict.B) {
                long winner = p.verdict() == Verdict.A ? p.responseA() : p.responseB();
                byAnnotator.put(p.annotator(), winner == lo);
            }
        }
        List<DpoExample> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Boolean>> e : votes.entrySet()) {
            long forLo = e.getValue().values().stream().filter(b -> b).count();
            long forHi = e.getValue().size() - forLo;
            long[] pair = pairs.get(e.getKey());
            Optional<Response> lo = live(pair[0]);
            Optional<Response> hi = live(pair[1]);
            if (forLo == forHi || lo.isEmpty() || hi.isEmpty()) {
                skipped++;
                continue;
            }
            Response chosen = forLo > forHi ? lo.get() : hi.get();
            Response rejected = forLo > forHi ? hi.get() : lo.get();
            out.add(new DpoExample(prompt(chosen), chosen.text(), rejected.text()));
        }
        return out;
    }

    public List<KtoExample> kto() {
        Map<Long, Map<String, Integer>> thumbs = new LinkedHashMap<>();
        for (Rating r : store.allRatings()) {
            Map<String, Integer> byAnnotator = thumbs.computeIfAbsent(r.responseId(), k -> new LinkedHashMap<>());
            byAnnotator.remove(r.annotator());
            byAnnotator.put(r.annotator(), r.thumb().score());
        }
        List<KtoExample> out = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Integer>> e : thumbs.entrySet()) {
            int score = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            Optional<Response> r = live(e.getKey());
            if (score == 0 || r.isEmpty()) {
                skipped++;
                continue;
            }
            out.add(new KtoExample(prompt(r.get()), r.get().text(), score > 0));
        }
        return out;
    }

    /** Writes one JSON object per line; returns what was written. */
    public ExchangeSummary write(ExchangeFormat format, Writer out) {
        skipped = 0;
        List<ObjectNode> lines = format == ExchangeFormat.DPO
                ? dpo().stream().map(d -> JSON.createObjectNode().put("prompt", d.prompt()).put("chosen", d.chosen())
                        .put("rejected", d.rejected())).toList()
                : kto().stream().map(k -> JSON.createObjectNode().put("prompt", k.prompt()).put("completion", k.completion())
                        .put("label", k.label())).toList();
        try {
            for (ObjectNode line : lines) {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format + " export: " + e.getMessage(), e);
        }
        int n = lines.size();
        return new ExchangeSummary(format.name().toLowerCase(java.util.Locale.ROOT), n, skipped, store.snapshot().id());
    }

    private String prompt(Response r) {
        if (!r.prompt().isBlank()) {
            return r.prompt();
        }
        return PromptLayout.render(PromptLayout.DEFAULT_SYSTEM, List.of(), List.of(), store.turn(r.turnId()).question());
    }

    private Optional<Response> live(long id) {
        return responses.computeIfAbsent(id, k -> store.findResponse(k).filter(r -> r.deletedAt().isEmpty()));
    }
}
