package dev.aisle.engine.train.data;

/** What the store services say about one product at question time. */
public record ServiceQuote(double price, double listPrice, int inStock, int restockDays, int deliveryDays) {

    public ServiceQuote {
        if (inStock < 0) {
            throw new IllegalArgumentException("inStock must be >= 0, got " + inStock);
        }
        if (deliveryDays < 1 || restockDays < 1) {
            throw new IllegalArgumentException("deliveryDays and restockDays must be >= 1, got " + deliveryDays + ", " + restockDays);
        }
    }
}
