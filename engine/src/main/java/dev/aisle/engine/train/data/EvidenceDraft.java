package dev.aisle.engine.train.data;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Evidence for one example, gathered the way retrieval would return it: the items the answer
 * needs mixed with distractors, then shuffled and numbered E1..En. The answer is written after
 * numbering, through {@link #label(String)}, so its citations point at the shuffled positions.
 */
final class EvidenceDraft {

    private record Item(String key, String source, String productId, String text) {
    }

    private final List<Item> items = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final Map<String, String> labels = new HashMap<>();
    private List<EvidenceLine> lines;

    /** Adds an item once; returns false when the key was already there. */
    boolean add(String key, String source, String productId, String text) {
        if (lines != null) {
            throw new IllegalStateException("evidence already numbered");
        }
        if (!keys.add(key)) {
            return false;
        }
        items.add(new Item(key, source, productId, text));
        return true;
    }

    int size() {
        return items.size();
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /** Shuffles and numbers the evidence; afterwards {@link #label} is available. */
    List<EvidenceLine> number(Random random) {
        Collections.shuffle(items, random);
        List<EvidenceLine> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String label = "E" + (i + 1);
            labels.put(it.key(), label);
            out.add(new EvidenceLine(label, it.source(), it.productId(), it.text()));
        }
        lines = List.copyOf(out);
        return lines;
    }

    /** The label of an item, e.g. "E3"; the item must be in the evidence. */
    String label(String key) {
        String l = labels.get(key);
        if (l == null) {
            throw new IllegalStateException("no evidence item " + key + " (numbered: " + (lines != null) + ")");
        }
        return l;
    }

    /** A citation element for an item. */
    String cite(String key) {
        return "<cite ref=\"" + label(key) + "\"/>";
    }
}
