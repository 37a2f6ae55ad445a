package dev.aisle.app.workbench.service.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.LinkedHashMap;
import java.util.Map;

/** An AnswerTrace as JSON (its sections are records, which Jackson writes as they are). */
final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private TraceJson() {
    }

    static String of(AnswerTrace trace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", trace.id());
        json.put("question", trace.question());
        json.put("answer", trace.answerText());
        json.put("finishReason", trace.finishReason());
        json.put("stages", trace.stages());
        json.put("tokens", trace.tokens());
        json.put("sections", trace.sections());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            // A section that cannot be written must not lose the feedback: keep what can be written.
            json.put("sections", "unserializable: " + e.getOriginalMessage());
            try {
                return MAPPER.writeValueAsString(json);
            } catch (JsonProcessingException again) {
                return "{}";
            }
        }
    }

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
