package dev.aisle.engine.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that happened while answering one question. Every stage of the pipeline appends to
 * it; the inspector, the feedback store and the evaluations read it instead of recomputing.
 *
 * <p>Stages append from engine threads while the UI may read; all access is synchronized.
 * Each stage owns one section below; add a new section rather than reusing another's.
 */
public final class AnswerTrace {

    /** A named stage and how long it took. */
    public record StageTiming(String stage, long startNanos, long durationNanos, String note) {
    }

    /** One generated token, with when it arrived relative to the request. */
    public record TokenTiming(int tokenId, String text, long nanosSinceStart) {
    }

    private final String id;
    private final String question;
    private final long startNanos = System.nanoTime();
    private final List<StageTiming> stages = new ArrayList<>();
    private final List<TokenTiming> tokens = new ArrayList<>();
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private String answerText = "";
    private String finishReason = "";

    public AnswerTrace(String id, String question) {
        this.id = id;
        this.question = question;
    }

    public String id() {
        return id;
    }

    public String question() {
        return question;
    }

    public long startNanos() {
        return startNanos;
    }

    public synchronized void addStage(String stage, long stageStartNanos, String note) {
        stages.add(new StageTiming(stage, stageStartNanos - startNanos, System.nanoTime() - stageStartNanos, note));
    }

    public synchronized List<StageTiming> stages() {
        return List.copyOf(stages);
    }

    public synchronized void addToken(int tokenId, String text) {
        tokens.add(new TokenTiming(tokenId, text, System.nanoTime() - startNanos));
    }

    public synchronized List<TokenTiming> tokens() {
        return List.copyOf(tokens);
    }

    /**
     * A stage's structured report (question analysis, retrieval hits, packed evidence, prompt
     * statistics, markup counts, hydration, scheduler events …), stored under the stage's name.
     * Values are records so that they serialize to JSON as they are.
     */
    public synchronized void putSection(String name, Object value) {
        sections.put(name, value);
    }

    public synchronized <T> T section(String name, Class<T> type) {
        return type.cast(sections.get(name));
    }

    public synchronized Map<String, Object> sections() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public synchronized void finish(String text, String reason) {
        this.answerText = text;
        this.finishReason = reason;
    }

    public synchronized String answerText() {
        return answerText;
    }

    public synchronized String finishReason() {
        return finishReason;
    }
}
