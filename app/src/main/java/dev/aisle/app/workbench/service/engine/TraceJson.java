package dev.aisle.app.workbench.service.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.Map;

/** Traces and configurations as JSON for the feedback store; never throws, so feedback is never lost. */
final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private TraceJson() {
    }

    static String of(AnswerTrace trace) {
        try {
            return dev.aisle.engine.trace.TraceJson.write(trace);
        } catch (IllegalStateException e) {
            // A section that cannot be written must not lose the feedback: keep what can be written.
            Map<String, Object> json = new java.util.LinkedHashMap<>(dev.aisle.engine.trace.TraceJson.asMap(trace));
            json.put("sections", "unserializable: " + e.getMessage());
            return of((Object) json);
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
