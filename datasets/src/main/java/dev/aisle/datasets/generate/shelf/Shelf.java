package dev.aisle.datasets.generate.shelf;

import java.util.List;

/** One department's categories and topic guides. */
public interface Shelf {

    List<CategorySpec> categories();

    default List<TopicGuide> topics() {
        return List.of();
    }
}
