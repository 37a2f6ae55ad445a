package dev.aisle.datasets.qa;

/** One answer in a {@link QaThread}; {@code fromSeller} marks the brand's own answers. */
public record Answer(String text, String author, int helpfulVotes, boolean fromSeller) {
}
