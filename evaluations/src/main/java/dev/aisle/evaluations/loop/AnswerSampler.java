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
import dev.aisle.evaluations.system.SystemAnswer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final AnswerCache cache;
    private final PrintStream log;

    AnswerSampler(AssistantRuntime runtime, Catalogue catalogue, RuleJudge judge, int inFlight, Progress.Listener progress,
                  AnswerCache cache, PrintStream log) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("questions in flight must be >= 1, got " + inFlight);
        }
        this.runtime = runtime;
        this.catalogue = catalogue;
        this.judge = judge;
        this.inFlight = inFlight;
        this.progress = progress;
        this.cache = cache;
        this.log = log;
    }

    /**
     * Answers in the order of {@code items}; an item the pipeline failed on fails the whole run, naming it.
     * Answers the cache holds for this model and configuration are read, not decoded again.
     */
    List<JudgedAnswer> answer(String label, List<SuiteItem> items, AssistantConfig config, Path modelDir)
            throws InterruptedException {
        Map<String, AnswerCache.Entry> cached = cache.read(modelDir, config);
        Semaphore open = new Semaphore(inFlight);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<AnswerTrace>> traces = new ArrayList<>();
        int reused = 0;
        progress.update(label, 0, items.size());
        for (SuiteItem item : items) {
            AnswerCache.Entry e = cached.get(item.id());
            if (e != null && e.question().equals(item.question())) {
                traces.add(null);
                reused++;
                progress.update(label, done.incrementAndGet(), items.size());
                continue;
            }
            open.acquire();
            AnswerHandle h = runtime.assistant(config).ask(item.question(), new Conversation(), config, RenderListener.NONE);
            traces.add(h.done().whenComplete((t, x) -> {
                open.release();
                progress.update(label, done.incrementAndGet(), items.size());
            }));
        }
        List<JudgedAnswer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SuiteItem item = items.get(i);
            if (traces.get(i) == null) {
                AnswerCache.Entry e = cached.get(item.id());
                out.add(new JudgedAnswer(item, e.traceJson(), e.configJson(), e.answer(), judge(item, e.answer())));
                continue;
            }
            AnswerTrace trace;
            try {
                trace = traces.get(i).get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(label + ": item " + item.id() + " (\"" + item.question() + "\") got no answer: "
                        + e.getMessage(), e);
            }
            var answer = TraceAnswers.fromTrace(trace);
            out.add(JudgedAnswer.of(item, trace, answer, judge(item, answer)));
        }
        if (reused < items.size()) {
            cache.write(modelDir, config, out);
        }
        if (reused > 0) {
            log.printf("%s: %d of %d answers reused from the answer cache%n", label, reused, items.size());
        }
        return out;
    }

    private JudgeScore judge(SuiteItem item, SystemAnswer answer) {
        return judge.score(new Observation(item, answer, catalogue));
    }
}
