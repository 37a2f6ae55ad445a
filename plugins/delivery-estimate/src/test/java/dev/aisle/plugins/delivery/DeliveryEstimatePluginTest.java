package dev.aisle.plugins.delivery;

import dev.aisle.engine.plugins.PluginRegistry;
import dev.aisle.engine.plugins.PluginStatus;
import dev.aisle.engine.spi.StoreService;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryEstimatePluginTest {

    /** Wednesday 25 November 2026: dispatched Thursday 26th. */
    private final DeliveryEstimateService service = new DeliveryEstimateService(
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    private StoreService.ServiceResult ask(String productId, String postcode) {
        return service.call(new StoreService.ServiceCall(productId,
                postcode == null ? Map.of() : Map.of("postcode", postcode)));
    }

    @Test
    void sameZoneArrivesTheDayAfterDispatch() {
        DeliveryEstimateService.Warehouse w = DeliveryEstimateService.warehouseOf("B0GLOVE01");
        StoreService.ServiceResult r = ask("B0GLOVE01", w.zone() + "0001");
        assertEquals("2026-11-27", r.fields().get("date"));
        assertEquals("2", r.fields().get("businessDays"));
        assertTrue(r.text().contains("Fri 27 Nov 2026") && r.text().contains(w.city()), r.text());
    }

    @Test
    void eachZoneAwayAddsABusinessDayAndWeekendsAreSkipped() {
        DeliveryEstimateService.Warehouse w = DeliveryEstimateService.warehouseOf("B0GLOVE01");
        int farZone = w.zone() >= 5 ? 0 : 9;
        int distance = Math.abs(w.zone() - farZone);
        StoreService.ServiceResult r = ask("B0GLOVE01", farZone + "4103");
        LocalDate expected = DeliveryEstimateService.addBusinessDays(LocalDate.of(2026, 11, 26), 1 + distance);
        assertEquals(expected.toString(), r.fields().get("date"));
        assertEquals(LocalDate.of(2026, 11, 30), DeliveryEstimateService.addBusinessDays(LocalDate.of(2026, 11, 27), 1));
        assertEquals(LocalDate.of(2026, 12, 7), DeliveryEstimateService.addBusinessDays(LocalDate.of(2026, 11, 26), 7));
    }

    @Test
    void deterministicFromTheIds() {
        assertEquals(ask("B0TENT07", "30301"), ask("B0TENT07", "30301"));
        assertEquals(ask("B0TENT07", "sw1a 1aa").fields().get("date"), "2026-12-04",
                "UK: dispatch Thursday plus 7 business days");
    }

    @Test
    void withoutAPostcodeItGivesTheStandardRange() {
        StoreService.ServiceResult r = ask("B0TENT07", null);
        assertEquals("2026-11-30", r.fields().get("earliest"));
        assertEquals("2026-12-04", r.fields().get("latest"));
        assertTrue(r.text().contains("ZIP"), r.text());
    }

    @Test
    void aBadPostcodeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ask("B0TENT07", "12AB"));
        assertTrue(e.getMessage().contains("'12AB'"), e.getMessage());
    }

    @Test
    void loadsThroughTheServiceLoader() {
        try (PluginRegistry registry = PluginRegistry.load(null, getClass().getClassLoader())) {
            PluginStatus s = registry.statuses().stream().filter(x -> x.name().equals("delivery-estimate"))
                    .findFirst().orElseThrow();
            assertEquals(PluginStatus.State.LOADED, s.state(), s.error());
            assertTrue(registry.storeServices().stream().anyMatch(x -> x.name().equals("delivery-estimate")));
        }
    }
}
