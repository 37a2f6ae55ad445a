package dev.aisle.datasets.reviews;

/** A shopper's review. Its text is untrusted: it may contain anything a shopper typed. */
public record Review(
        String id,
        String productId,
        int stars,
        String title,
        String text,
        String author,
        String date,
        int helpfulVotes,
        boolean verifiedPurchase) {
}
