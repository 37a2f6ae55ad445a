package dev.aisle.engine.markup.hydrate;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.markup.CiteElement;
import dev.aisle.engine.markup.CompareElement;
import dev.aisle.engine.markup.LinkElement;
import dev.aisle.engine.markup.ControlCharacters;
import dev.aisle.engine.markup.MarkupElement;
import dev.aisle.engine.markup.MarkupExtensions;
import dev.aisle.engine.markup.PluginElement;
import dev.aisle.engine.markup.ProductElement;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.spi.MarkupElementPlugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Resolves elements into render nodes. Product cards and comparison tables need the catalogue
 * and the store services, which may be slow: those lookups run on the given executor, each
 * bounded by a timeout, and are cached (catalogue entries for the hydrator's life, store offers for
 * {@code offerTtl}, because prices and stock change). Citations and links resolve at once.
 *
 * <p>A failed or slow lookup never fails the answer: a card whose store offer is missing shows
 * the catalogue price with "Stock unknown" ({@link HydrationRecord.Outcome#PARTIAL}); an element
 * whose catalogue entry is missing becomes a {@link RenderNode.Fallback}. One hydrator is shared
 * by all answers and is thread-safe. A lookup that times out is not interrupted (the store client
 * owns its own deadline); its result is simply not waited for.
 *
 * <p>Plugin elements ({@link MarkupExtensions}) are hydrated and rendered by their plugin in one
 * call on the executor under the same timeout; a plugin that throws, overruns, finds nothing or
 * returns garbage (null, blank or oversized text, another tag) gives a {@link RenderNode.Fallback}
 * and a {@code FALLBACK} record naming the plugin and the reason.
 */
public final class Hydrator {

    private static final int KEY_ATTRIBUTES = 3;
    private static final int MAX_COMPARE_ROWS = 8;
    private static final int SNIPPET_CHARS = 160;
    private static final int MAX_CACHED = 10_000;
    /** Longest text or HTML a plugin element may render to; more is garbage, not a widget. */
    static final int MAX_PLUGIN_RENDER_CHARS = 4_000;

    private final Function<String, Optional<Product>> catalogue;
    private final StoreLookup store;
    private final Executor executor;
    private final Duration timeout;
    private final Duration offerTtl;
    private final LongSupplier clock;
    private final MarkupExtensions extensions;
    private final Map<String, CompletableFuture<Optional<Product>>> products = new ConcurrentHashMap<>();
    private final Map<String, Timed<StoreOffer>> offers = new ConcurrentHashMap<>();

    private record Timed<T>(CompletableFuture<T> future, long createdNanos) {
    }

    /** A node and how it was made. */
    public record Hydrated(RenderNode node, HydrationRecord record) {
    }

    public Hydrator(Function<String, Optional<Product>> catalogue, StoreLookup store, Executor executor,
                    Duration timeout, Duration offerTtl) {
        this(catalogue, store, executor, timeout, offerTtl, MarkupExtensions.NONE, System::nanoTime);
    }

    /** Also hydrating the plugin elements of {@code extensions}. */
    public Hydrator(Function<String, Optional<Product>> catalogue, StoreLookup store, Executor executor,
                    Duration timeout, Duration offerTtl, MarkupExtensions extensions) {
        this(catalogue, store, executor, timeout, offerTtl, extensions, System::nanoTime);
    }

    /** With a clock for the offer cache's expiry, for tests. */
    public Hydrator(Function<String, Optional<Product>> catalogue, StoreLookup store, Executor executor,
                    Duration timeout, Duration offerTtl, LongSupplier clock) {
        this(catalogue, store, executor, timeout, offerTtl, MarkupExtensions.NONE, clock);
    }

    public Hydrator(Function<String, Optional<Product>> catalogue, StoreLookup store, Executor executor,
                    Duration timeout, Duration offerTtl, MarkupExtensions extensions, LongSupplier clock) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = requirePositive(timeout, "timeout");
        this.offerTtl = requirePositive(offerTtl, "offerTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The catalogue entry of a product, read directly (no cache, no timeout): for the decoder, which needs
     * the titles and limits of the evidence's few products before generation starts. Empty when unknown or
     * when the catalogue fails.
     */
    public Optional<Product> catalogueProduct(String id) {
        try {
            return catalogue.apply(id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The plugin elements this hydrator can fill in; the parser of each answer accepts exactly these. */
    public MarkupExtensions extensions() {
        return extensions;
    }

    /**
     * Hydrates element {@code elementIndex}. The future never completes exceptionally: failures
     * become fallbacks.
     *
     * @param evidence the answer's evidence by label, for citations
     */
    public CompletableFuture<Hydrated> hydrate(int elementIndex, MarkupElement element,
                                               Map<String, EvidenceLine> evidence) {
        long start = clock.getAsLong();
        if (element instanceof ProductElement p) {
            return productCard(elementIndex, p.id(), start);
        } else if (element instanceof CompareElement c) {
            return comparison(elementIndex, c, start);
        } else if (element instanceof CiteElement c) {
            return CompletableFuture.completedFuture(citation(elementIndex, c, evidence, start));
        } else if (element instanceof LinkElement l) {
            RenderNode node = new RenderNode.Link(l.target(), l.value(), l.text());
            return CompletableFuture.completedFuture(new Hydrated(node,
                    record(elementIndex, "link", l.targetString(), start, true, HydrationRecord.Outcome.OK, "")));
        } else if (element instanceof PluginElement p) {
            return pluginElement(elementIndex, p, start);
        }
        throw new IllegalArgumentException("unknown markup element " + element);
    }

    private CompletableFuture<Hydrated> productCard(int index, String id, long start) {
        boolean cached = products.containsKey(id) && offerFresh(id);
        CompletableFuture<Attempt<Optional<Product>>> product = product(id).handle(Attempt::new);
        CompletableFuture<Attempt<StoreOffer>> offer = offer(id).handle(Attempt::new);
        return product.thenCombine(offer, (p, o) -> {
            if (p.error() != null || p.value().isEmpty()) {
                String why = p.error() != null ? describe(p.error()) : "not in the catalogue";
                return new Hydrated(new RenderNode.Fallback("product " + id, why),
                        record(index, "product", id, start, cached, HydrationRecord.Outcome.FALLBACK, why));
            }
            if (o.error() != null) {
                return new Hydrated(card(p.value().get(), null), record(index, "product", id, start, cached,
                        HydrationRecord.Outcome.PARTIAL, "store services: " + describe(o.error())));
            }
            return new Hydrated(card(p.value().get(), o.value()),
                    record(index, "product", id, start, cached, HydrationRecord.Outcome.OK, ""));
        });
    }

    private CompletableFuture<Hydrated> pluginElement(int index, PluginElement e, long start) {
        Optional<MarkupElementPlugin> plugin = extensions.plugin(e.tag());
        if (plugin.isEmpty()) {
            return CompletableFuture.completedFuture(pluginFallback(index, e, start, "no plugin renders <" + e.tag() + ">"));
        }
        MarkupElementPlugin p = plugin.get();
        String who = "plugin " + p.getClass().getName() + ": ";
        Optional<String> busy = extensions.busy(e.tag());
        if (busy.isPresent()) {
            return CompletableFuture.completedFuture(pluginFallback(index, e, start, who + busy.get()));
        }
        CompletableFuture<RenderNode.PluginNode> task = CompletableFuture.supplyAsync(() -> render(p, e), executor);
        // The copy times out; the task itself keeps running, and while it does the tag is busy.
        return task.copy()
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((node, error) -> {
                    if (error == null) {
                        return new Hydrated(node, record(index, e.tag(), e.label(), start, false,
                                HydrationRecord.Outcome.OK, ""));
                    }
                    if (unwrap(error) instanceof TimeoutException) {
                        extensions.overran(e.tag(), task);
                    }
                    return pluginFallback(index, e, start, who + describe(error));
                });
    }

    private Hydrated pluginFallback(int index, PluginElement e, long start, String why) {
        return new Hydrated(new RenderNode.Fallback(e.label(), why),
                record(index, e.tag(), e.label(), start, false, HydrationRecord.Outcome.FALLBACK, why));
    }

    /** Runs the plugin's hydrate and both renderers; anything it gets wrong is a {@link PluginGarbage}. */
    private RenderNode.PluginNode render(MarkupElementPlugin p, PluginElement e) {
        Optional<MarkupElementPlugin.Hydrated> found;
        try {
            found = p.hydrate(e.attributes(), this::productOnThisThread);
        } catch (Exception ex) {
            throw new CompletionException(ex);
        }
        if (found == null) {
            throw new PluginGarbage("hydrate returned null instead of an Optional");
        }
        MarkupElementPlugin.Hydrated h = found.orElseThrow(() -> new PluginGarbage(
                "nothing in the store for " + e.attributes()));
        if (h == null || !e.tag().equals(h.tag())) {
            throw new PluginGarbage("hydrate returned " + (h == null ? "null" : "a <" + h.tag() + ">") + " for <" + e.tag() + ">");
        }
        String text = checked(p.renderText(h), "renderText");
        String html = checked(p.renderHtml(h), "renderHtml");
        return new RenderNode.PluginNode(e.tag(), h.fields(), ControlCharacters.strip(text), html);
    }

    private static String checked(String rendered, String method) {
        if (rendered == null || rendered.isBlank()) {
            throw new PluginGarbage(method + " returned " + (rendered == null ? "null" : "blank text"));
        }
        if (rendered.length() > MAX_PLUGIN_RENDER_CHARS) {
            throw new PluginGarbage(method + " returned " + rendered.length() + " characters (at most "
                    + MAX_PLUGIN_RENDER_CHARS + ")");
        }
        return rendered;
    }

    /** A plugin answered, but not with something that can be shown. */
    private static final class PluginGarbage extends RuntimeException {
        PluginGarbage(String message) {
            super(message, null, false, false);
        }
    }

    /** A lookup's result or its failure. */
    private record Attempt<T>(T value, Throwable error) {
    }

    private RenderNode.ProductCard card(Product p, StoreOffer offer) {
        List<Attribute> key = p.attributes().subList(0, Math.min(KEY_ATTRIBUTES, p.attributes().size()));
        if (offer == null) {
            return new RenderNode.ProductCard(p.id(), p.title(), p.brand(), p.category(), p.price(), p.listPrice(),
                    p.rating(), p.reviewCount(), "Stock unknown", "", key, false);
        }
        return new RenderNode.ProductCard(p.id(), p.title(), p.brand(), p.category(), offer.price(),
                Math.max(offer.price(), p.listPrice()), p.rating(), p.reviewCount(), offer.stockText(),
                offer.delivery(), key, true);
    }

    private CompletableFuture<Hydrated> comparison(int index, CompareElement c, long start) {
        String key = String.join(",", c.ids());
        boolean cached = c.ids().stream().allMatch(products::containsKey);
        List<CompletableFuture<Attempt<Optional<Product>>>> lookups =
                c.ids().stream().map(id -> product(id).handle(Attempt::new)).toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<Product> found = new ArrayList<>();
            for (int k = 0; k < lookups.size(); k++) {
                Attempt<Optional<Product>> p = lookups.get(k).join();
                if (p.error() != null || p.value().isEmpty()) {
                    String why = c.ids().get(k) + ": " + (p.error() != null ? describe(p.error()) : "not in the catalogue");
                    return new Hydrated(new RenderNode.Fallback("comparison of " + key, why),
                            record(index, "compare", key, start, cached, HydrationRecord.Outcome.FALLBACK, why));
                }
                found.add(p.value().get());
            }
            return new Hydrated(table(found),
                    record(index, "compare", key, start, cached, HydrationRecord.Outcome.OK, ""));
        });
    }

    /** Price and rating, then the attributes most of the products share, in catalogue order. */
    static RenderNode.ComparisonTable table(List<Product> products) {
        List<RenderNode.Row> rows = new ArrayList<>();
        rows.add(new RenderNode.Row("price", products.stream().map(p -> money(p.price())).toList()));
        rows.add(new RenderNode.Row("rating", products.stream()
                .map(p -> String.format(Locale.ROOT, "%.1f (%d)", p.rating(), p.reviewCount())).toList()));
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (Product p : products) {
            for (Attribute a : p.attributes()) {
                shared.merge(a.name(), 1, Integer::sum);
            }
        }
        int needed = products.size() == 2 ? 1 : 2;
        shared.entrySet().stream().filter(e -> e.getValue() >= needed).limit(MAX_COMPARE_ROWS - 2L)
                .forEach(e -> rows.add(new RenderNode.Row(e.getKey(), products.stream()
                        .map(p -> p.attribute(e.getKey()).map(Attribute::display).orElse("—")).toList())));
        return new RenderNode.ComparisonTable(products.stream().map(Product::id).toList(),
                products.stream().map(Product::title).toList(), rows);
    }

    private Hydrated citation(int index, CiteElement c, Map<String, EvidenceLine> evidence, long start) {
        EvidenceLine e = evidence.get(c.ref());
        if (e == null) {
            // The scope allowed the label but the caller did not pass its text: still a citation.
            return new Hydrated(new RenderNode.Citation(c.ref(), "", "", ""),
                    record(index, "cite", c.ref(), start, true, HydrationRecord.Outcome.PARTIAL, "evidence text not given"));
        }
        String text = e.text();
        String snippet = text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS - 1) + "…";
        return new Hydrated(new RenderNode.Citation(e.label(), e.source(), e.productId(), snippet),
                record(index, "cite", c.ref(), start, true, HydrationRecord.Outcome.OK, ""));
    }

    /**
     * A plugin's catalogue lookup, made on the plugin's own (executor) thread. Queuing it on the executor and
     * joining would make that thread wait for work queued behind itself: with every thread rendering a plugin
     * element, nothing runs the lookups and each element falls back at the timeout. A product already looked
     * up for this answer comes from the cache; the render task's own timeout bounds a slow catalogue.
     */
    private Optional<Product> productOnThisThread(String id) {
        CompletableFuture<Optional<Product>> cached = products.get(id);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return cached.join();
        }
        return catalogue.apply(id);
    }

    private CompletableFuture<Optional<Product>> product(String id) {
        trim(products);
        CompletableFuture<Optional<Product>> fresh = new CompletableFuture<>();
        CompletableFuture<Optional<Product>> existing = products.putIfAbsent(id, fresh);
        if (existing != null) {
            return existing;
        }
        settle(fresh, CompletableFuture.supplyAsync(() -> catalogue.apply(id), executor),
                () -> products.remove(id, fresh));
        return fresh;
    }

    private CompletableFuture<StoreOffer> offer(String id) {
        trim(offers);
        long now = clock.getAsLong();
        Timed<StoreOffer> fresh = new Timed<>(new CompletableFuture<>(), now);
        Timed<StoreOffer> used = offers.compute(id,
                (k, old) -> old != null && now - old.createdNanos() < offerTtl.toNanos() ? old : fresh);
        if (used == fresh) {
            settle(fresh.future(), CompletableFuture.supplyAsync(() -> {
                try {
                    return store.offer(id);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, executor), () -> offers.remove(id, fresh));
        }
        return used.future();
    }

    /**
     * Completes the cached {@code target} from {@code lookup} within the timeout. A failure is
     * forgotten before anyone waiting on {@code target} hears of it, so the next request asks again.
     */
    private <T> void settle(CompletableFuture<T> target, CompletableFuture<T> lookup, Runnable forget) {
        lookup.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((v, e) -> {
            if (e != null) {
                forget.run();
                target.completeExceptionally(e);
            } else {
                target.complete(v);
            }
        });
    }

    private boolean offerFresh(String id) {
        Timed<StoreOffer> t = offers.get(id);
        return t != null && clock.getAsLong() - t.createdNanos() < offerTtl.toNanos();
    }

    private static void trim(Map<String, ?> cache) {
        if (cache.size() > MAX_CACHED) {
            cache.clear(); // crude but bounded; a shop's working set is far smaller
        }
    }

    private HydrationRecord record(int index, String kind, String key, long start, boolean cached,
                                   HydrationRecord.Outcome outcome, String detail) {
        return new HydrationRecord(index, kind, key, (clock.getAsLong() - start) / 1_000, cached, outcome, detail);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private String describe(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof TimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof PluginGarbage) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
        return d;
    }
}
