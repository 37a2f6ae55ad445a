package dev.aisle.evaluations.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.engine.trace.TraceJson;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.SystemAnswer;

import java.util.List;

/**
 * One answer the assistant gave to a suite item, with the trace it left (as the feedback store keeps
 * it: JSON, and the configuration section on its own) and the judge's score.
 */
public record JudgedAnswer(SuiteItem item, String traceJson, String configJson, SystemAnswer answer, JudgeScore score) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    /** An answer just given: its trace is written down as the store will keep it. */
    public static JudgedAnswer of(SuiteItem item, AnswerTrace trace, SystemAnswer answer, JudgeScore score) {
        String config;
        try {
            config = JSON.writeValueAsString(trace.sections().get("config"));
        } catch (JsonProcessingException e) {
            config = "{}";
        }
        return new JudgedAnswer(item, TraceJson.write(trace), config, answer, score);
    }

    /** The chat layout the model saw (system, the answer's evidence, the question), as preference data stores it. */
    public String prompt() {
        return PromptLayout.render(PromptLayout.DEFAULT_SYSTEM, answer.evidence(), List.of(), item.question());
    }
}
