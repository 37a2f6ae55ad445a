package dev.aisle.engine.markup.hydrate;

import dev.aisle.engine.markup.CiteElement;
import dev.aisle.engine.markup.CompareElement;
import dev.aisle.engine.markup.LinkElement;
import dev.aisle.engine.markup.LinkKind;
import dev.aisle.engine.markup.ProductElement;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.prompt.EvidenceLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HydratorTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch never = new CountDownLatch(1);
    private final Shop shop = new Shop();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void stop() {
        never.countDown();
        executor.shutdownNow();
    }

    private Hydrator hydrator(StoreLookup store) {
        return new Hydrator(shop.catalogue(), store, executor, Duration.ofSeconds(10), Duration.ofSeconds(30), clock::get);
    }

    private Hydrator.Hydrated hydrate(Hydrator h, int index, dev.aisle.engine.markup.MarkupElement e) {
        return h.hydrate(index, e, Map.of()).join();
    }

    @Test
    void aProductCardTakesTheCatalogueEntryAndTheStoresLivePriceStockAndDelivery() {
        Hydrator.Hydrated h = hydrate(hydrator(shop.store()), 3, new ProductElement(Shop.GLOVE.id()));
        RenderNode.ProductCard card = assertInstanceOf(RenderNode.ProductCard.class, h.node());
        assertEquals("FrostGrip Winter Golf Glove", card.title());
        assertEquals(23.99, card.price(), 1e-9);
        assertEquals(29.99, card.listPrice(), 1e-9);
        assertEquals("In stock (12)", card.stock());
        assertEquals("Arrives Thu", card.delivery());
        assertEquals(3, card.keyAttributes().size());
        assertTrue(card.live());
        assertEquals(new HydrationRecord(3, "product", Shop.GLOVE.id(), 0, false, HydrationRecord.Outcome.OK, ""), h.record());
    }

    @Test
    void aFailingStoreGivesACardWithTheCataloguePriceAndUnknownStock() {
        Hydrator.Hydrated h = hydrate(hydrator(id -> {
            throw new IllegalStateException("stock service down");
        }), 0, new ProductElement(Shop.GLOVE.id()));
        RenderNode.ProductCard card = assertInstanceOf(RenderNode.ProductCard.class, h.node());
        assertEquals(24.99, card.price(), 1e-9);
        assertEquals("Stock unknown", card.stock());
        assertFalse(card.live());
        assertEquals(HydrationRecord.Outcome.PARTIAL, h.record().outcome());
        assertTrue(h.record().detail().contains("stock service down"), h.record().detail());
    }

    @Test
    void aStoreThatNeverAnswersTimesOutIntoAPartialCard() {
        Hydrator h = new Hydrator(shop.catalogue(), id -> {
            never.await();
            return null;
        }, executor, Duration.ofMillis(50), Duration.ofSeconds(30));
        Hydrator.Hydrated r = hydrate(h, 0, new ProductElement(Shop.GLOVE.id()));
        assertEquals(HydrationRecord.Outcome.PARTIAL, r.record().outcome());
        assertTrue(r.record().detail().contains("timed out after 50 ms"), r.record().detail());
    }

    @Test
    void aProductMissingFromTheCatalogueFallsBack() {
        shop.catalogue.remove(Shop.SHOE.id());
        Hydrator.Hydrated h = hydrate(hydrator(shop.store()), 1, new ProductElement(Shop.SHOE.id()));
        assertEquals(new RenderNode.Fallback("product B0SHOE0001", "not in the catalogue"), h.node());
        assertEquals(HydrationRecord.Outcome.FALLBACK, h.record().outcome());
    }

    @Test
    void aThrowingCatalogueFallsBackWithTheReason() {
        Hydrator h = new Hydrator(id -> {
            throw new IllegalStateException("catalogue offline");
        }, shop.store(), executor, Duration.ofSeconds(5), Duration.ofSeconds(5));
        RenderNode.Fallback f = assertInstanceOf(RenderNode.Fallback.class,
                hydrate(h, 0, new ProductElement(Shop.GLOVE.id())).node());
        assertTrue(f.reason().contains("catalogue offline"), f.reason());
    }

    @Test
    void lookupsAreCachedAndOffersExpire() {
        Hydrator h = hydrator(shop.store());
        hydrate(h, 0, new ProductElement(Shop.GLOVE.id()));
        Hydrator.Hydrated second = hydrate(h, 1, new ProductElement(Shop.GLOVE.id()));
        assertTrue(second.record().cached());
        assertEquals(1, shop.catalogueCalls.get());
        assertEquals(1, shop.storeCalls.get());
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        Hydrator.Hydrated third = hydrate(h, 2, new ProductElement(Shop.GLOVE.id()));
        assertFalse(third.record().cached());
        assertEquals(1, shop.catalogueCalls.get(), "catalogue entries do not expire");
        assertEquals(2, shop.storeCalls.get(), "a stale offer is asked for again");
    }

    @Test
    void aFailedLookupIsNotCached() {
        int[] calls = {0};
        Hydrator h = hydrator(id -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("blip");
            }
            return new StoreOffer(id, 5, 1, "");
        });
        assertEquals(HydrationRecord.Outcome.PARTIAL, hydrate(h, 0, new ProductElement(Shop.GLOVE.id())).record().outcome());
        assertEquals(HydrationRecord.Outcome.OK, hydrate(h, 1, new ProductElement(Shop.GLOVE.id())).record().outcome());
    }

    @Test
    void aComparisonTableHasPriceRatingAndSharedAttributes() {
        Hydrator.Hydrated h = hydrate(hydrator(shop.store()), 0,
                new CompareElement(List.of(Shop.GLOVE.id(), Shop.GLOVE2.id())));
        RenderNode.ComparisonTable t = assertInstanceOf(RenderNode.ComparisonTable.class, h.node());
        assertEquals(List.of("FrostGrip Winter Golf Glove", "RainMaster Pair"), t.titles());
        assertEquals(List.of("price", "rating", "material", "lining", "waterproof", "weight"),
                t.rows().stream().map(RenderNode.Row::attribute).toList());
        assertEquals(List.of("$24.99", "$19.50"), t.rows().get(0).values());
        assertEquals(List.of("fleece", "—"), t.rows().get(3).values());
        assertEquals(List.of("40 g", "35 g"), t.rows().get(5).values());
    }

    @Test
    void aComparisonWithAMissingProductFallsBackNamingIt() {
        shop.catalogue.remove(Shop.GLOVE2.id());
        Hydrator.Hydrated h = hydrate(hydrator(shop.store()), 0,
                new CompareElement(List.of(Shop.GLOVE.id(), Shop.GLOVE2.id())));
        RenderNode.Fallback f = assertInstanceOf(RenderNode.Fallback.class, h.node());
        assertEquals("B0GLV99999: not in the catalogue", f.reason());
    }

    @Test
    void citationsAndLinksResolveAtOnce() {
        Hydrator h = hydrator(shop.store());
        EvidenceLine e3 = new EvidenceLine("E3", "review", Shop.GLOVE.id(), "Kept my hands warm at 2 °C.");
        Hydrator.Hydrated cite = h.hydrate(0, new CiteElement("E3"), Map.of("E3", e3)).join();
        assertEquals(new RenderNode.Citation("E3", "review", Shop.GLOVE.id(), "Kept my hands warm at 2 °C."), cite.node());
        Hydrator.Hydrated link = h.hydrate(1, new LinkElement(LinkKind.SEARCH, "golf gloves", "gloves"), Map.of()).join();
        assertEquals(new RenderNode.Link(LinkKind.SEARCH, "golf gloves", "gloves"), link.node());
        assertEquals(0, shop.storeCalls.get() + shop.catalogueCalls.get());
    }

    @Test
    void rejectsNonsenseSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Hydrator(shop.catalogue(), shop.store(), executor, Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("timeout"));
    }
}
