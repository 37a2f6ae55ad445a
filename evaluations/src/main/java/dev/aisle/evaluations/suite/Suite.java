package dev.aisle.evaluations.suite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named list of items with unique ids.
 *
 * @param source where the items came from (a file, a resource, "corpus HELD_OUT …"), for reports
 */
public record Suite(String name, String source, List<SuiteItem> items) {

    public Suite {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("suite name must not be blank");
        }
        items = List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (SuiteItem item : items) {
            if (!seen.add(item.id())) {
                throw new IllegalArgumentException("suite " + name + " has duplicate item id " + item.id());
            }
        }
    }

    /** The first {@code n} items (all when n <= 0 or n >= size). */
    public Suite limit(int n) {
        if (n <= 0 || n >= items.size()) {
            return this;
        }
        return new Suite(name, source + " (first " + n + ")", items.subList(0, n));
    }

    public boolean hasKind(SuiteKind kind) {
        return items.stream().anyMatch(i -> i.kind() == kind);
    }
}
