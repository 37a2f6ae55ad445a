package dev.aisle.engine.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an answer arriving in chunks (tokens) into text deltas and complete elements.
 *
 * <p>Text is released as soon as it cannot be the start of an element; only a {@code <} that may
 * still become one of our elements is held back (at most {@value TagMatcher#MAX_TAG_CHARS}
 * characters), so the shopper never sees half a tag and never waits for ordinary text. Anything
 * that is not a valid element of DESIGN.md's markup — a malformed tag, a tag that is not ours,
 * an id outside the answer's {@link MarkupScope}, a link leaving the store — comes out as plain
 * text and is counted in {@link #stats()}.
 *
 * <p>Whatever the chunking, the events (after merging adjacent text) and the counts are the
 * same as for the whole answer parsed at once. Not thread-safe: one parser per answer, fed from
 * the thread that receives the tokens.
 */
public final class MarkupStreamParser {

    /** Problems kept for the trace; more are counted but not kept. */
    private static final int MAX_PROBLEMS = 20;

    private final MarkupScope scope;
    private final MarkupExtensions extensions;
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private int nextElement;
    private boolean finished;
    private int products;
    private int comparisons;
    private int citations;
    private int links;
    private int pluginElements;
    private int malformed;
    private int unknownElements;
    private int unknownIds;
    private int outsideLinks;

    public MarkupStreamParser(MarkupScope scope) {
        this(scope, MarkupExtensions.NONE);
    }

    /** A parser that also accepts the plugin elements of {@code extensions}. */
    public MarkupStreamParser(MarkupScope scope, MarkupExtensions extensions) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    /** Parses a whole answer at once. */
    public static Parsed parse(String answer, MarkupScope scope) {
        return parse(answer, scope, MarkupExtensions.NONE);
    }

    /** Parses a whole answer at once, accepting the plugin elements of {@code extensions}. */
    public static Parsed parse(String answer, MarkupScope scope, MarkupExtensions extensions) {
        MarkupStreamParser p = new MarkupStreamParser(scope, extensions);
        List<MarkupEvent> events = new ArrayList<>(p.feed(answer));
        events.addAll(p.finish());
        return new Parsed(mergeText(events), p.stats());
    }

    /** The events of a whole answer and its counts. */
    public record Parsed(List<MarkupEvent> events, MarkupStats stats) {
        public Parsed {
            events = List.copyOf(events);
        }
    }

    /** Adds the next chunk; returns what can be shown now (possibly nothing). */
    public List<MarkupEvent> feed(CharSequence chunk) {
        Objects.requireNonNull(chunk, "chunk");
        if (finished) {
            throw new IllegalStateException("feed after finish(): the answer has already ended");
        }
        pending.append(chunk);
        return drain(false);
    }

    /** The answer has ended: whatever was held back is released as text (an unclosed tag is malformed). */
    public List<MarkupEvent> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        return drain(true);
    }

    public MarkupStats stats() {
        return new MarkupStats(products, comparisons, citations, links,
                malformed, unknownElements, unknownIds, outsideLinks, pluginElements);
    }

    /**
     * Why plugin elements were rejected, as their plugins (or the scope check) put it, in order;
     * at most {@value #MAX_PROBLEMS}. Built-in tags are only counted in {@link #stats()}.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Characters received but not yet released (a possible tag prefix); never more than a tag's bound. */
    int heldBack() {
        return pending.length();
    }

    private List<MarkupEvent> drain(boolean atEnd) {
        List<MarkupEvent> out = new ArrayList<>(2);
        int textStart = 0;
        int pos = 0;
        while (pos < pending.length()) {
            if (pending.charAt(pos) != '<') {
                pos++;
                continue;
            }
            TagMatcher.Match m = TagMatcher.match(pending, pos, scope, extensions);
            switch (m.outcome()) {
                case NEED_MORE -> {
                    if (!atEnd) {
                        emitText(out, textStart, pos);
                        pending.delete(0, pos);
                        return out;
                    }
                    malformed++; // the answer ended inside a tag of ours
                    pos++;
                }
                case COMPLETE -> {
                    emitText(out, textStart, pos);
                    count(m.element());
                    out.add(new MarkupEvent.Element(nextElement++, m.element(), pending.substring(pos, m.end())));
                    pos = m.end();
                    textStart = pos;
                }
                case REJECTED -> {
                    count(m.rejection());
                    for (String problem : m.problems()) {
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(problem);
                        }
                    }
                    pos++; // the '<' is text; what follows it is scanned again
                }
            }
        }
        int end = pending.length();
        // A surrogate pair split across chunks stays together for the shopper's display.
        if (!atEnd && end > textStart && Character.isHighSurrogate(pending.charAt(end - 1))) {
            end--;
        }
        emitText(out, textStart, end);
        pending.delete(0, end);
        return out;
    }

    private void emitText(List<MarkupEvent> out, int from, int to) {
        if (to > from) {
            out.add(new MarkupEvent.Text(pending.substring(from, to)));
        }
    }

    private void count(MarkupElement e) {
        if (e instanceof ProductElement) {
            products++;
        } else if (e instanceof CompareElement) {
            comparisons++;
        } else if (e instanceof CiteElement) {
            citations++;
        } else if (e instanceof LinkElement) {
            links++;
        } else if (e instanceof PluginElement) {
            pluginElements++;
        }
    }

    private void count(TagMatcher.Rejection why) {
        switch (why) {
            case NOT_A_TAG -> {
                // "price < $50", "<3": an ordinary less-than sign, nothing to count
            }
            case MALFORMED -> malformed++;
            case UNKNOWN_ELEMENT -> unknownElements++;
            case UNKNOWN_ID -> unknownIds++;
            case OUTSIDE_STORE -> outsideLinks++;
        }
    }

    /** Joins adjacent text events, the form in which streamed and whole parses are compared. */
    public static List<MarkupEvent> mergeText(List<MarkupEvent> events) {
        List<MarkupEvent> merged = new ArrayList<>(events.size());
        StringBuilder text = new StringBuilder();
        for (MarkupEvent e : events) {
            if (e instanceof MarkupEvent.Text t) {
                text.append(t.text());
            } else {
                if (text.length() > 0) {
                    merged.add(new MarkupEvent.Text(text.toString()));
                    text.setLength(0);
                }
                merged.add(e);
            }
        }
        if (text.length() > 0) {
            merged.add(new MarkupEvent.Text(text.toString()));
        }
        return merged;
    }
}
