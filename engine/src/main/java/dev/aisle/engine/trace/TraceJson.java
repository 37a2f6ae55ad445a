package dev.aisle.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole {@link AnswerTrace} as one JSON object: what {@code aisle ask --json} prints and what
 * the feedback store keeps with every response. Sections are records and serialize as they are.
 */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private TraceJson() {
    }

    public static Map<String, Object> asMap(AnswerTrace trace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", trace.id());
        m.put("question", trace.question());
        m.put("answer", trace.answerText());
        m.put("finish_reason", trace.finishReason());
        m.put("stages", trace.stages());
        m.put("sections", trace.sections());
        m.put("tokens", trace.tokens());
        return m;
    }

    public static String write(AnswerTrace trace) {
        try {
            return MAPPER.writeValueAsString(asMap(trace));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace " + trace.id() + " does not serialize: " + e.getOriginalMessage(), e);
        }
    }
}
