package dev.aisle.engine.rag.analysis;

import java.util.List;

/**
 * Keeps a question's categories to the shelves it means. Words like "at home", "audio" or "dogs" also
 * name whole departments and aisles ("something to practice on at home" is about yoga mats, not the
 * Home department; "stuffed animal dog" is a plush toy). When the question names a more specific
 * category, a broader one that is not its ancestor only widens the hard filter to hundreds of unrelated
 * products, so it is dropped. Broader categories that contain a found one ("camping tent") and
 * categories as specific as the most specific one stay.
 */
final class CategoryScope {

    private CategoryScope() {
    }

    /** Removes, in place, every department or aisle that contains none of the shelves found beside it. */
    static void narrow(List<String> categories, CatalogueLexicon lexicon) {
        if (categories.size() < 2) {
            return;
        }
        List<String> shelves = categories.stream().filter(lexicon::isLeaf).toList();
        categories.removeIf(c -> !lexicon.isLeaf(c) && !shelves.isEmpty()
                && shelves.stream().noneMatch(shelf -> lexicon.isAncestor(c, shelf)));
    }
}
