package dev.aisle.engine.rag.route;

import dev.aisle.engine.rag.TinyCatalogue;
import dev.aisle.engine.rag.services.CatalogueStoreServices;
import dev.aisle.engine.spi.StoreService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueStoreServicesTest {

    final CatalogueStoreServices services = new CatalogueStoreServices(TinyCatalogue.products());

    StoreService.ServiceResult call(StoreService s, String id) throws Exception {
        return s.call(new StoreService.ServiceCall(id, Map.of()));
    }

    @Test
    void priceComesFromTheCatalogue() throws Exception {
        StoreService.ServiceResult r = call(services.price(), "B0TRAIL001");
        assertEquals("129.99", r.fields().get("price"));
        assertEquals("USD", r.fields().get("currency"));
        assertTrue(r.text().contains("$129.99"));
    }

    @Test
    void stockAndDeliveryAreDeterministicAndConsistent() throws Exception {
        int outOfStock = 0;
        for (var p : TinyCatalogue.products()) {
            StoreService.ServiceResult s1 = call(services.stock(), p.id());
            StoreService.ServiceResult s2 = call(new CatalogueStoreServices(TinyCatalogue.products()).stock(), p.id());
            assertEquals(s1, s2, "same product, same answer");
            StoreService.ServiceResult d = call(services.delivery(), p.id());
            boolean inStock = Boolean.parseBoolean(s1.fields().get("in_stock"));
            assertEquals(String.valueOf(inStock), d.fields().get("available"), p.id());
            if (inStock) {
                int days = Integer.parseInt(d.fields().get("business_days"));
                assertTrue(days >= 1 && days <= 5);
            } else {
                outOfStock++;
            }
        }
        assertTrue(outOfStock < TinyCatalogue.products().size());
    }

    @Test
    void unknownProductsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call(services.stock(), "B0NOPE0000"));
        assertTrue(e.getMessage().contains("B0NOPE0000"));
        assertEquals(StoreService.API_VERSION, services.price().apiVersion());
    }
}
