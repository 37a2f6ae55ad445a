package dev.aisle.evaluations.metric;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The products claims are checked against, by id, the measurement units they use, and the store's
 * plugin markup elements that name one product ({@code <deal id="…"/>}).
 */
public final class Catalogue {

    private final Map<String, Product> byId;
    private final Set<String> units;
    private final Set<String> productElementTags;

    private Catalogue(Map<String, Product> byId, Set<String> productElementTags) {
        this.byId = byId;
        this.productElementTags = Set.copyOf(productElementTags);
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
        return new Catalogue(m, Set.of());
    }

    public static Catalogue empty() {
        return new Catalogue(Map.of(), Set.of());
    }

    /** The same products, with plugin elements {@code <TAG id="ID"/>} (the ID a product of the catalogue) valid markup. */
    public Catalogue withProductElements(Collection<String> tags) {
        return new Catalogue(byId, Set.copyOf(tags));
    }

    /** Tags of plugin elements whose one attribute {@code id} names a product. */
    public Set<String> productElementTags() {
        return productElementTags;
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
