package dev.aisle.evaluations.metric;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The products claims are checked against, by id, and the measurement units they use. */
public final class Catalogue {

    private final Map<String, Product> byId;
    private final Set<String> units;

    private Catalogue(Map<String, Product> byId) {
        this.byId = byId;
        Set<String> u = new TreeSet<>();
        for (Product p : byId.values()) {
            for (Attribute a : p.attributes()) {
                if (!a.unit().isBlank() && a.number().isPresent()) {
                    u.add(Units.canonical(a.unit()));
                }
            }
        }
        // Without a catalogue the common units still make measures checkable (and unsupported).
        this.units = u.isEmpty() ? Units.defaultCanonical() : u;
    }

    public static Catalogue of(Collection<Product> products) {
        Map<String, Product> m = new LinkedHashMap<>();
        for (Product p : products) {
            m.put(p.id(), p);
        }
        return new Catalogue(m);
    }

    public static Catalogue empty() {
        return new Catalogue(Map.of());
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Collection<Product> products() {
        return byId.values();
    }

    /** Canonical units of numeric attributes, e.g. mm, g, oz. */
    public Set<String> measureUnits() {
        return units;
    }

    public int size() {
        return byId.size();
    }
}
