package dev.aisle.engine.train.data;

/** The kinds of shop text the model is pretrained on; held-out perplexity is reported per source. */
public enum TextSource {
    CATALOGUE, REVIEWS, QA, GUIDES;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
