package dev.aisle.datasets.judgments;

public record Judgment(String productId, Relevance label) {
}
