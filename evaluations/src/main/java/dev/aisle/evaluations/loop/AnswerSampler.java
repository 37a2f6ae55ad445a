package dev.aisle.evaluations.loop;

import dev.aisle.engine.assistant.AnswerHandle;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.assistant.Conversation;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.adapters.TraceAnswers;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.suite.SuiteItem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the assistant every item under one configuration, keeping {@code inFlight} questions
 * open at once so that the continuous scheduler batches their decoding, and judges each answer.
 */
final class AnswerSampler {

    private final AssistantRuntime runtime;
    private final Catalogue catalogue;
    private final RuleJudge judge;
    private final int inFlight;
    private final Progress.Listener progress;

    AnswerSampler(AssistantRuntime runtime, Catalogue catalogue, RuleJudge judge, int inFlight, Progress.Listener progress) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("questions in flight must be >= 1, got " + inFlight);
        }
        this.runtime = runtime;
        this.catalogue = catalogue;
        this.judge = judge;
        this.inFlight = inFlight;
        this.progress = progress;
    }

    /** Answers in the order of {@code items}; an item the pipeline failed on fails the whole run, naming it. */
    List<JudgedAnswer> answer(String label, List<SuiteItem> items, AssistantConfig config) throws InterruptedException {
        Semaphore open = new Semaphore(inFlight);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<AnswerTrace>> traces = new ArrayList<>();
        progress.update(label, 0, items.size());
        for (SuiteItem item : items) {
            open.acquire();
            AnswerHandle h = runtime.assistant(config).ask(item.question(), new Conversation(), config, RenderListener.NONE);
            traces.add(h.done().whenComplete((t, e) -> {
                open.release();
                progress.update(label, done.incrementAndGet(), items.size());
            }));
        }
        List<JudgedAnswer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SuiteItem item = items.get(i);
            AnswerTrace trace;
            try {
                trace = traces.get(i).get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(label + ": item " + item.id() + " (\"" + item.question() + "\") got no answer: "
                        + e.getMessage(), e);
            }
            var answer = TraceAnswers.fromTrace(trace);
            out.add(new JudgedAnswer(item, trace, answer, judge.score(new Observation(item, answer, catalogue))));
        }
        return out;
    }
}
