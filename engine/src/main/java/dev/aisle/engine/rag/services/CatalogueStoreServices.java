package dev.aisle.engine.rag.services;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.spi.StoreService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Price, stock and delivery answered from the catalogue. Stock and delivery are simulated: a hash
 * of the product id (salted per service) picks the units on hand and the warehouse distance, so the
 * same product always gives the same answer.
 */
public final class CatalogueStoreServices {

    private final Map<String, Product> products;

    public CatalogueStoreServices(List<Product> catalogue) {
        this.products = catalogue.stream().collect(Collectors.toUnmodifiableMap(Product::id, Function.identity(), (a, b) -> a));
    }

    /** The three services, in the order a router calls them. */
    public List<StoreService> all() {
        return List.of(price(), stock(), delivery());
    }

    public StoreService price() {
        return service("price", "current price, list price and discount of a product", p -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("price", money(p.price()));
            f.put("list_price", money(p.listPrice()));
            f.put("currency", "USD");
            int off = p.listPrice() > p.price() ? (int) Math.round(100 * (1 - p.price() / p.listPrice())) : 0;
            f.put("discount_percent", String.valueOf(off));
            String text = "Price now $" + money(p.price()) + (off > 0 ? " (was $" + money(p.listPrice()) + ", " + off + "% off)." : ".");
            return new StoreService.ServiceResult("price", p.id(), f, text);
        });
    }

    public StoreService stock() {
        return service("stock", "units in stock and restock estimate", p -> {
            int units = units(p.id());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("units", String.valueOf(units));
            f.put("in_stock", String.valueOf(units > 0));
            String text;
            if (units == 0) {
                int days = 3 + (int) (hash(p.id(), "restock") % 12);
                f.put("restock_days", String.valueOf(days));
                text = "Out of stock; expected back in about " + days + " days.";
            } else {
                text = units <= 5 ? "Only " + units + " left in stock." : "In stock (" + units + " units).";
            }
            return new StoreService.ServiceResult("stock", p.id(), f, text);
        });
    }

    public StoreService delivery() {
        return service("delivery", "delivery promise in business days", p -> {
            int units = units(p.id());
            Map<String, String> f = new LinkedHashMap<>();
            if (units == 0) {
                f.put("available", "false");
                return new StoreService.ServiceResult("delivery", p.id(), f, "No delivery promise while out of stock.");
            }
            int days = 1 + (int) (hash(p.id(), "delivery") % 5);
            boolean free = p.price() >= 35;
            f.put("available", "true");
            f.put("business_days", String.valueOf(days));
            f.put("free_shipping", String.valueOf(free));
            String text = "Delivery in " + days + " business day" + (days == 1 ? "" : "s")
                    + (free ? ", free shipping." : ", shipping $5.99 (free from $35).");
            return new StoreService.ServiceResult("delivery", p.id(), f, text);
        });
    }

    /** About one product in eight is out of stock. */
    static int units(String productId) {
        long h = hash(productId, "stock");
        return h % 8 == 0 ? 0 : (int) (1 + (h / 8) % 60);
    }

    /** FNV-1a over salt and id: stable across runs and JVMs, unlike String.hashCode mixing. */
    static long hash(String id, String salt) {
        long h = 0xcbf29ce484222325L;
        for (char c : (salt + ":" + id).toCharArray()) {
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private StoreService service(String name, String description, Function<Product, StoreService.ServiceResult> answer) {
        return new StoreService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public ServiceResult call(ServiceCall call) {
                Product p = products.get(call.productId());
                if (p == null) {
                    throw new IllegalArgumentException(name + " service: unknown product " + call.productId());
                }
                return answer.apply(p);
            }
        };
    }
}
