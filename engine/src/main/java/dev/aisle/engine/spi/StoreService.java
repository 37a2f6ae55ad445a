package dev.aisle.engine.spi;

import java.util.Map;

/**
 * A store system the router calls as a tool: current price, stock, delivery promise, or a plugin's
 * own service. Calls run on an executor under a time budget; a call that overruns or throws is
 * reported in the trace and the answer goes on without it.
 */
public interface StoreService {

    /** The version of this interface that the engine implements. */
    int API_VERSION = 1;

    /** The interface version the implementation was written against; the engine accepts only {@link #API_VERSION}. */
    default int apiVersion() {
        return API_VERSION;
    }

    /** Short stable name: "price", "stock", "delivery". */
    String name();

    /** One line saying what the tool answers, for traces and plugin listings. */
    String description();

    /**
     * Answers for one product.
     *
     * @throws IllegalArgumentException when the product is unknown to the service
     * @throws Exception                anything else; the router records it
     */
    ServiceResult call(ServiceCall call) throws Exception;

    /** A request to a service about one product; {@code arguments} carry extras such as a postcode. */
    record ServiceCall(String productId, Map<String, String> arguments) {
        public ServiceCall {
            if (productId == null || productId.isBlank()) {
                throw new IllegalArgumentException("service call needs a product id");
            }
            arguments = Map.copyOf(arguments);
        }
    }

    /**
     * What a service says about one product: typed fields for hydration and a sentence for the prompt.
     *
     * @param fields e.g. {@code price=49.99, currency=USD}; insertion order is kept by the caller's map
     * @param text   "In stock: 14 units." — becomes an evidence line
     */
    record ServiceResult(String service, String productId, Map<String, String> fields, String text) {
        public ServiceResult {
            fields = Map.copyOf(fields);
        }
    }
}
