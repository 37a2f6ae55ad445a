package dev.aisle.engine.markup.hydrate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A tiny catalogue and store for hydration tests, counting every lookup. */
final class Shop {

    static final Product GLOVE = new Product("B0GLV12345", "FrostGrip Winter Golf Glove", "Caddy&Co",
            List.of("Sports", "Golf", "Golf Gloves"), 24.99, 29.99, 4.4, 812,
            List.of(new Attribute("material", "cabretta leather", ""), new Attribute("lining", "fleece", ""),
                    Attribute.text("waterproof", "yes"), new Attribute("weight", "40", "g")),
            List.of("Warm"), "A winter glove.");
    static final Product GLOVE2 = new Product("B0GLV99999", "RainMaster Pair", "Grip",
            List.of("Sports", "Golf", "Golf Gloves"), 19.50, 19.50, 4.1, 97,
            List.of(new Attribute("material", "synthetic", ""), Attribute.text("waterproof", "yes"),
                    new Attribute("weight", "35", "g")),
            List.of(), "");
    static final Product SHOE = new Product("B0SHOE0001", "TrailFlex 3", "Stride",
            List.of("Sports", "Running", "Trail Shoes"), 119.0, 139.0, 4.6, 2301,
            List.of(new Attribute("drop", "8", "mm")), List.of(), "");

    final Map<String, Product> catalogue = new ConcurrentHashMap<>(Map.of(GLOVE.id(), GLOVE, GLOVE2.id(), GLOVE2, SHOE.id(), SHOE));
    final AtomicInteger catalogueCalls = new AtomicInteger();
    final AtomicInteger storeCalls = new AtomicInteger();

    Function<String, Optional<Product>> catalogue() {
        return id -> {
            catalogueCalls.incrementAndGet();
            return Optional.ofNullable(catalogue.get(id));
        };
    }

    StoreLookup store() {
        return id -> {
            storeCalls.incrementAndGet();
            Product p = catalogue.get(id);
            return new StoreOffer(id, p == null ? 1 : p.price() - 1, 12, "Arrives Thu");
        };
    }
}
