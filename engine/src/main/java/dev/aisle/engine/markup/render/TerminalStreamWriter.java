package dev.aisle.engine.markup.render;

import dev.aisle.engine.markup.MarkupElement;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Streams an answer to a terminal as it is generated. A terminal cannot replace a placeholder
 * once later text has scrolled past it, so text after an element that is still being hydrated
 * waits until the element is ready (the hydrator's timeout bounds the wait) and everything comes
 * out in reading order.
 */
public final class TerminalStreamWriter implements RenderListener {

    private final PrintStream out;
    private final TerminalRenderer renderer;
    private final Deque<Object> queue = new ArrayDeque<>();
    private final Map<Integer, RenderNode> ready = new HashMap<>();
    private boolean atLineStart = true;

    public TerminalStreamWriter(PrintStream out, TerminalRenderer renderer) {
        this.out = Objects.requireNonNull(out, "out");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public synchronized void onText(String text) {
        queue.add(new RenderNode.Text(text));
        drain();
    }

    @Override
    public synchronized void onElement(int elementIndex, MarkupElement element, RenderNode placeholder) {
        queue.add(elementIndex);
        drain();
    }

    @Override
    public synchronized void onHydrated(int elementIndex, RenderNode node) {
        ready.put(elementIndex, node);
        drain();
    }

    @Override
    public synchronized void onFinished() {
        drain();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Object head = queue.peek();
            RenderNode node;
            if (head instanceof Integer index) {
                node = ready.remove(index);
                if (node == null) {
                    break;
                }
            } else {
                node = (RenderNode) head;
            }
            queue.poll();
            String s = renderer.render(node, atLineStart);
            if (!s.isEmpty()) {
                out.print(s);
                atLineStart = s.endsWith("\n");
            }
        }
        out.flush();
    }
}
