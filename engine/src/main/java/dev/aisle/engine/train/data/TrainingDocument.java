package dev.aisle.engine.train.data;

/** One pretraining document: a product page, a review, a Q&amp;A thread or a buying guide. */
public record TrainingDocument(String id, TextSource source, String text) {

    public TrainingDocument {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("document " + id + " has no text");
        }
    }
}
