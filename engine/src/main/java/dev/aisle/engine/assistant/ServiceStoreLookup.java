package dev.aisle.engine.assistant;

import dev.aisle.engine.markup.hydrate.StoreLookup;
import dev.aisle.engine.markup.hydrate.StoreOffer;
import dev.aisle.engine.spi.StoreService;

import java.util.Map;

/** Hydrates product cards from the same store services the router asks, so both always agree. */
final class ServiceStoreLookup implements StoreLookup {

    private final StoreService price;
    private final StoreService stock;
    private final StoreService delivery;

    ServiceStoreLookup(StoreService price, StoreService stock, StoreService delivery) {
        this.price = price;
        this.stock = stock;
        this.delivery = delivery;
    }

    @Override
    public StoreOffer offer(String productId) throws Exception {
        StoreService.ServiceCall call = new StoreService.ServiceCall(productId, Map.of());
        double now = Double.parseDouble(price.call(call).fields().get("price"));
        int units = Integer.parseInt(stock.call(call).fields().getOrDefault("units", "0"));
        return new StoreOffer(productId, now, units, delivery.call(call).text());
    }
}
