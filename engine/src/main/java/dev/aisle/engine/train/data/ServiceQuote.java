package dev.aisle.engine.train.data;

/** What the store services say about one product at question time. */
public record ServiceQuote(double price, int inStock, int deliveryDays) {

    public ServiceQuote {
        if (inStock < 0) {
            throw new IllegalArgumentException("inStock must be >= 0, got " + inStock);
        }
        if (deliveryDays < 1) {
            throw new IllegalArgumentException("deliveryDays must be >= 1, got " + deliveryDays);
        }
    }
}
