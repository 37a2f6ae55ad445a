package dev.aisle.plugins.delivery;

import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.StoreService;

import java.time.Clock;
import java.util.List;

/** Contributes the delivery-estimate store service, dated from the system clock. */
public final class DeliveryEstimatePlugin implements AislePlugin {

    @Override
    public String name() {
        return "delivery-estimate";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<StoreService> storeServices() {
        return List.of(new DeliveryEstimateService(Clock.systemUTC()));
    }
}
