package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.AnswerService;
import dev.aisle.app.workbench.service.AssistantConfig;
import dev.aisle.app.workbench.service.Hydration;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An answer service for ViewModel and wiring tests: emits a fixed stream (text, a product card
 * hydrated afterwards, a citation, a link, a plugin's deal element hydrated afterwards) on the calling thread, or holds it until {@link #release()}.
 */
public final class ScriptedAnswers implements AnswerService {

    public static final AssistantConfig BASE = new AssistantConfig("base", "tiny", "eager", 0.7, 0.9, 64, 8, "hybrid");
    public static final AssistantConfig SFT = new AssistantConfig("sft", "tiny-sft", "paged", 0.2, 0.95, 64, 4, "bm25");

    public final List<String> asked = new CopyOnWriteArrayList<>();
    public final List<List<Turn>> histories = new CopyOnWriteArrayList<>();
    public final AtomicInteger stops = new AtomicInteger();
    private final List<Runnable> held = new ArrayList<>();
    private boolean hold;
    private String failWith;

    public ScriptedAnswers holdUntilReleased() {
        hold = true;
        return this;
    }

    public ScriptedAnswers failWith(String message) {
        failWith = message;
        return this;
    }

    public synchronized void release() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    @Override
    public List<AssistantConfig> configurations() {
        return List.of(BASE, SFT);
    }

    @Override
    public AnswerHandle ask(List<Turn> history, String question, AssistantConfig config,
                            Consumer<AnswerEvent> events) {
        asked.add(question + " @" + config.name());
        histories.add(history);
        AnswerTrace trace = new AnswerTrace("t" + asked.size(), question);
        events.accept(new AnswerEvent.Token(5, 1_000_000));
        events.accept(new AnswerEvent.Text("For cold-weather golf, take "));
        Runnable rest = () -> {
            if (failWith != null) {
                events.accept(new AnswerEvent.Failed(failWith));
                return;
            }
            events.accept(new AnswerEvent.Token(6, 2_000_000));
            events.accept(new AnswerEvent.Text("these <b>gloves</b> "));
            events.accept(new AnswerEvent.Product(0, "P42"));
            events.accept(new AnswerEvent.Cite("E1"));
            events.accept(new AnswerEvent.Link("category:golf/gloves", "more gloves"));
            events.accept(new AnswerEvent.PluginElement(1, "deal", java.util.Map.of("id", "P42")));
            events.accept(new AnswerEvent.Hydrated(0, new Hydration.Card("P42", true, "Thermal Golf Mitts",
                    "Fairway", "golf/gloves", "$24.99", "in stock", "tomorrow", 4.5)));
            events.accept(new AnswerEvent.Hydrated(1, new Hydration.Plugin("deal",
                    "Deal: Thermal Golf Mitts — $24.99, was $29.99 (save $5.00, 16%)")));
            trace.addToken(6, "gloves");
            trace.finish("For cold-weather golf, take these <b>gloves</b> <product id=\"P42\"/>", "stop");
            events.accept(new AnswerEvent.Finished(trace));
        };
        if (hold) {
            synchronized (this) {
                held.add(rest);
            }
        } else {
            rest.run();
        }
        return () -> {
            stops.incrementAndGet();
            trace.finish("", "stopped");
            synchronized (this) {
                held.clear();
            }
            events.accept(new AnswerEvent.Finished(trace));
        };
    }
}
