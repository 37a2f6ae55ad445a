package dev.aisle.datasets.generate.shelf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** All departments of the generated store, in a fixed order (the order is part of the seed contract). */
public final class Shelves {

    private static final List<Shelf> SHELVES = List.of(new GolfShelf(), new RunningShelf(), new OutdoorShelf(),
            new ToyShelf(), new KitchenShelf(), new ElectronicsShelf(), new HomeShelf(), new PetShelf(), new FitnessShelf());

    private Shelves() {
    }

    public static List<CategorySpec> categories() {
        List<CategorySpec> all = new ArrayList<>();
        Set<String> leaves = new HashSet<>();
        for (Shelf shelf : SHELVES) {
            for (CategorySpec spec : shelf.categories()) {
                if (!leaves.add(spec.leaf())) {
                    throw new IllegalStateException("two categories named " + spec.leaf());
                }
                all.add(spec);
            }
        }
        for (CategorySpec spec : all) {
            for (String leaf : spec.substitutes()) {
                require(leaves, leaf, spec);
            }
            for (String leaf : spec.complements()) {
                require(leaves, leaf, spec);
            }
        }
        return all;
    }

    public static List<TopicGuide> topics() {
        List<TopicGuide> all = new ArrayList<>();
        for (Shelf shelf : SHELVES) {
            all.addAll(shelf.topics());
        }
        return all;
    }

    private static void require(Set<String> leaves, String leaf, CategorySpec from) {
        if (!leaves.contains(leaf)) {
            throw new IllegalStateException(from.leaf() + " refers to unknown category " + leaf);
        }
    }
}
