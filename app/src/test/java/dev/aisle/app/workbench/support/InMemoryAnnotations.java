package dev.aisle.app.workbench.support;

import dev.aisle.app.workbench.service.AnnotationQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An annotation queue over a fixed list of items, for wiring tests. */
public final class InMemoryAnnotations implements AnnotationQueue {

    public final List<Item> items = new ArrayList<>();
    public final List<Label> labels = new CopyOnWriteArrayList<>();

    public InMemoryAnnotations(int count) {
        for (int i = 1; i <= count; i++) {
            items.add(new Item("i" + i, "t" + i, "Question " + i + "?", "Answer " + i + " <product id=\"P1\"/>", "base"));
        }
    }

    @Override
    public synchronized List<Item> pending(String annotator, int limit) {
        List<Item> out = new ArrayList<>();
        for (Item item : items) {
            boolean done = labels.stream().anyMatch(l -> l.itemId().equals(item.itemId())
                    && l.annotator().equals(annotator));
            if (!done && out.size() < limit) {
                out.add(item);
            }
        }
        return out;
    }

    @Override
    public synchronized void label(Label label) {
        labels.add(label);
    }

    @Override
    public synchronized Progress progress(String annotator) {
        int done = (int) labels.stream().filter(l -> l.annotator().equals(annotator)).count();
        return new Progress(done, items.size());
    }

    @Override
    public Agreement agreement() {
        return new Agreement(0, Double.NaN, Double.NaN);
    }
}
