package dev.aisle.evaluations.loop;

import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.SystemAnswer;

import java.util.List;

/** One answer the assistant gave to a suite item, with the trace it left and the judge's score. */
public record JudgedAnswer(SuiteItem item, AnswerTrace trace, SystemAnswer answer, JudgeScore score) {

    /** The chat layout the model saw (system, the answer's evidence, the question), as preference data stores it. */
    public String prompt() {
        return PromptLayout.render(PromptLayout.DEFAULT_SYSTEM, answer.evidence(), List.of(), item.question());
    }
}
