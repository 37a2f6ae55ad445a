package dev.aisle.app.workbench.service.engine;

import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.Hydration;
import dev.aisle.engine.markup.CiteElement;
import dev.aisle.engine.markup.CompareElement;
import dev.aisle.engine.markup.LinkElement;
import dev.aisle.engine.markup.MarkupElement;
import dev.aisle.engine.markup.PluginElement;
import dev.aisle.engine.markup.ProductElement;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.markup.render.RenderNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the markup stream's render calls into the workbench's answer events. Only the parser's
 * elements become element events; text stays text. Thread-agnostic: events go straight to the
 * consumer (the answer's ViewModel queues them for the FX thread).
 */
public final class RenderEvents implements RenderListener {

    private final Consumer<AnswerEvent> events;

    public RenderEvents(Consumer<AnswerEvent> events) {
        this.events = events;
    }

    @Override
    public void onText(String text) {
        if (!text.isEmpty()) {
            events.accept(new AnswerEvent.Text(text));
        }
    }

    @Override
    public void onElement(int elementIndex, MarkupElement element, RenderNode placeholder) {
        if (element instanceof ProductElement p) {
            events.accept(new AnswerEvent.Product(elementIndex, p.id()));
        } else if (element instanceof CompareElement c) {
            events.accept(new AnswerEvent.Compare(elementIndex, c.ids()));
        } else if (element instanceof CiteElement c) {
            events.accept(new AnswerEvent.Cite(c.ref()));
        } else if (element instanceof LinkElement l) {
            events.accept(new AnswerEvent.Link(l.targetString(), l.text()));
        } else if (element instanceof PluginElement p) {
            events.accept(new AnswerEvent.PluginElement(elementIndex, p.tag(), p.attributes()));
        }
    }

    @Override
    public void onHydrated(int elementIndex, RenderNode node) {
        hydration(node).ifPresent(h -> events.accept(new AnswerEvent.Hydrated(elementIndex, h)));
    }

    /** The workbench's view of a hydrated node; citations and links need no hydration here. */
    static java.util.Optional<Hydration> hydration(RenderNode node) {
        if (node instanceof RenderNode.ProductCard c) {
            String price = money(c.price()) + (c.discounted() ? " (was " + money(c.listPrice()) + ")" : "");
            String reviews = c.reviewCount() > 0 ? " · " + c.reviewCount() + " reviews" : "";
            return java.util.Optional.of(new Hydration.Card(c.productId(), true, c.title(), c.brand(), c.category(),
                    price + (c.live() ? "" : " · catalogue price"), c.stock() + reviews, c.delivery(), c.rating()));
        }
        if (node instanceof RenderNode.ComparisonTable t) {
            List<String> attributes = t.rows().stream().map(RenderNode.Row::attribute).toList();
            List<List<String>> cells = t.rows().stream().map(RenderNode.Row::values).toList();
            return java.util.Optional.of(new Hydration.Table(t.productIds(), t.titles(), attributes, cells));
        }
        if (node instanceof RenderNode.PluginNode p) {
            return java.util.Optional.of(new Hydration.Plugin(p.tag(), p.text()));
        }
        if (node instanceof RenderNode.Fallback f) {
            return java.util.Optional.of(new Hydration.Missing(f.label() + " — " + f.reason()));
        }
        return java.util.Optional.empty();
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }
}
