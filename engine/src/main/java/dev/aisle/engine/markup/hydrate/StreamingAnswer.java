package dev.aisle.engine.markup.hydrate;

import dev.aisle.engine.markup.MarkupEvent;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.MarkupStats;
import dev.aisle.engine.markup.MarkupStreamParser;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One answer on its way to the shopper: tokens go in through {@link #accept}, the listener hears
 * text at once and each element as soon as it is complete (with a placeholder), and later its
 * hydrated node. {@link #nodes()} is the answer so far as a render model, for renderers that draw
 * the whole answer (HTML reports, a terminal at the end).
 *
 * <pre>{@code
 * StreamingAnswer answer = new StreamingAnswer(scope, evidence, hydrator, listener);
 * for (String token : tokens) answer.accept(token);
 * answer.finish();
 * List<RenderNode> rendered = answer.completed().join();
 * answer.recordTo(trace);
 * }</pre>
 *
 * Feed it from one thread; the listener's {@code onHydrated} comes from the hydrator's executor.
 */
public final class StreamingAnswer {

    private final MarkupStreamParser parser;
    private final Map<String, EvidenceLine> evidence = new LinkedHashMap<>();
    private final Hydrator hydrator;
    private final RenderListener listener;
    private final List<RenderNode> nodes = new ArrayList<>();
    /** Element index → its position in {@link #nodes}. */
    private final List<Integer> slots = new ArrayList<>();
    private final List<HydrationRecord> records = new ArrayList<>();
    private final List<MarkupEvent.Element> elements = new ArrayList<>();
    private final List<CompletableFuture<?>> hydrations = new ArrayList<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    public StreamingAnswer(MarkupScope scope, List<EvidenceLine> evidence, Hydrator hydrator, RenderListener listener) {
        this.hydrator = Objects.requireNonNull(hydrator, "hydrator");
        // The parser accepts exactly the plugin elements the hydrator can fill in.
        this.parser = new MarkupStreamParser(scope, hydrator.extensions());
        evidence.forEach(e -> this.evidence.put(e.label(), e));
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The next piece of the answer as the model produced it. */
    public void accept(CharSequence chunk) {
        dispatch(parser.feed(chunk));
    }

    /** The model has finished; releases held-back text. */
    public void finish() {
        dispatch(parser.finish());
        listener.onFinished();
        CompletableFuture<?>[] all;
        synchronized (this) {
            all = hydrations.toArray(CompletableFuture[]::new);
        }
        CompletableFuture.allOf(all).whenComplete((v, e) -> finished.complete(null));
    }

    /** The whole render model once the answer has finished and every element is hydrated. */
    public CompletableFuture<List<RenderNode>> completed() {
        return finished.thenApply(v -> nodes());
    }

    /** The answer so far; elements not yet hydrated are {@link RenderNode.Pending}. */
    public synchronized List<RenderNode> nodes() {
        return List.copyOf(nodes);
    }

    public MarkupStats stats() {
        return parser.stats();
    }

    public synchronized HydrationReport hydration() {
        List<HydrationRecord> sorted = new ArrayList<>(records);
        sorted.sort((a, b) -> Integer.compare(a.elementIndex(), b.elementIndex()));
        return new HydrationReport(sorted);
    }

    /** The elements as the model wrote them, in order. */
    public synchronized List<MarkupEvent.Element> elements() {
        return List.copyOf(elements);
    }

    /** Why plugin elements of this answer were rejected (see {@link MarkupStreamParser#problems()}). */
    public List<String> problems() {
        return parser.problems();
    }

    /**
     * Adds this answer's markup counts, elements and hydration to the trace, and the plugin
     * elements' problems under {@code markup.problems} when there are any.
     */
    public void recordTo(AnswerTrace trace) {
        trace.putSection(MarkupStats.SECTION, stats());
        List<String> problems = parser.problems();
        if (!problems.isEmpty()) {
            trace.putSection(MarkupStats.SECTION + ".problems", problems);
        }
        trace.putSection(MarkupStats.SECTION + ".elements", elements());
        trace.putSection(HydrationReport.SECTION, hydration());
    }

    private void dispatch(List<MarkupEvent> events) {
        for (MarkupEvent e : events) {
            if (e instanceof MarkupEvent.Text t) {
                synchronized (this) {
                    int last = nodes.size() - 1;
                    if (last >= 0 && nodes.get(last) instanceof RenderNode.Text prev) {
                        nodes.set(last, new RenderNode.Text(prev.text() + t.text()));
                    } else {
                        nodes.add(new RenderNode.Text(t.text()));
                    }
                }
                listener.onText(t.text());
            } else if (e instanceof MarkupEvent.Element el) {
                RenderNode placeholder = new RenderNode.Pending(el.index(), el.element());
                synchronized (this) {
                    elements.add(el);
                    slots.add(nodes.size());
                    nodes.add(placeholder);
                }
                listener.onElement(el.index(), el.element(), placeholder);
                CompletableFuture<Void> done = hydrator.hydrate(el.index(), el.element(), evidence)
                        .thenAccept(h -> hydrated(el.index(), h));
                synchronized (this) {
                    hydrations.add(done);
                }
            }
        }
    }

    private void hydrated(int index, Hydrator.Hydrated h) {
        synchronized (this) {
            nodes.set(slots.get(index), h.node());
            records.add(h.record());
        }
        listener.onHydrated(index, h.node());
    }
}
