package dev.aisle.engine.markup.hydrate;

import java.util.Objects;

/**
 * What the store says about a product right now.
 *
 * @param price        current price in US dollars
 * @param unitsInStock 0 when sold out
 * @param delivery     e.g. "Arrives Thu 27 Nov", "" when the store gives no estimate
 */
public record StoreOffer(String productId, double price, int unitsInStock, String delivery) {

    public StoreOffer {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(delivery, "delivery");
        if (!(price >= 0)) {
            throw new IllegalArgumentException("price must be >= 0 for " + productId + ", got " + price);
        }
        if (unitsInStock < 0) {
            throw new IllegalArgumentException("unitsInStock must be >= 0 for " + productId + ", got " + unitsInStock);
        }
    }

    /** "In stock (12)" or "Out of stock". */
    public String stockText() {
        return unitsInStock > 0 ? "In stock (" + unitsInStock + ")" : "Out of stock";
    }
}
