package dev.aisle.datasets.generate.shelf;

import java.util.List;

/**
 * Store advice that spans categories ("What to wear for cold-weather golf", "Trail or road
 * shoes?"): the guide text, the leaf categories it points shoppers to, the phrases a correct
 * advice answer should cover, and how shoppers ask for it.
 */
public record TopicGuide(String slug, String title, List<String> path, List<String> paragraphs,
                         List<String> categories, List<String> covers, List<String> questions) {

    public TopicGuide {
        path = List.copyOf(path);
        paragraphs = List.copyOf(paragraphs);
        categories = List.copyOf(categories);
        covers = List.copyOf(covers);
        questions = List.copyOf(questions);
    }
}
