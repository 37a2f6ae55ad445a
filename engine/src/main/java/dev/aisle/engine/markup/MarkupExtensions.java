package dev.aisle.engine.markup;

import dev.aisle.engine.spi.MarkupElementPlugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The plugin elements an answer may contain, by tag, and the guarded call of their validation.
 *
 * <p>The parser asks {@link #validate} while the answer streams; the plugin's code runs on
 * {@code executor} and is waited for at most {@code budget}, so one that throws or returns garbage
 * only rejects its element. A call that overruns is left running, not interrupted, and until it
 * ends the plugin's tag is {@link #busy}: its elements are rejected (parser) or shown as fallbacks
 * (hydrator) at once, so a hanging plugin costs the stream one budget and holds one thread.
 * Plugins whose tag is malformed, built in or already taken are left out, with a warning.
 */
public final class MarkupExtensions {

    /** Lower-case words joined by single hyphens, at most {@value #MAX_TAG_CHARS} characters. */
    private static final Pattern TAG = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final int MAX_TAG_CHARS = 32;
    private static final int MAX_PROBLEMS = 8;
    private static final int MAX_PROBLEM_CHARS = 300;

    /** No plugin elements: the markup of DESIGN.md only. */
    public static final MarkupExtensions NONE = new MarkupExtensions(Map.of(), Runnable::run, Duration.ofMillis(1));

    private final Map<String, MarkupElementPlugin> byTag;
    private final Executor executor;
    private final Duration budget;
    /** Per tag, a plugin call that overran its budget and has not ended yet. */
    private final Map<String, CompletableFuture<?>> overrunning = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> incidents = (tag, detail) -> { };

    private MarkupExtensions(Map<String, MarkupElementPlugin> byTag, Executor executor, Duration budget) {
        this.byTag = byTag;
        this.executor = executor;
        this.budget = budget;
    }

    /**
     * @param plugins  the registry's markup elements, in load order (the first plugin to claim a tag keeps it)
     * @param executor runs the plugins' validation, so that a hanging one can be left behind
     * @param budget   how long validation of one element may take
     * @param warnings hears one line per plugin element that is left out, naming the plugin and why
     */
    public static MarkupExtensions of(Collection<MarkupElementPlugin> plugins, Executor executor, Duration budget,
                                      Consumer<String> warnings) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(warnings, "warnings");
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("validation budget must be > 0, got " + budget);
        }
        Map<String, MarkupElementPlugin> byTag = new LinkedHashMap<>();
        for (MarkupElementPlugin p : plugins) {
            String who = "markup element " + p.getClass().getName();
            String tag;
            try {
                if (p.apiVersion() != MarkupElementPlugin.API_VERSION) {
                    warnings.accept(who + " not used: written for MarkupElementPlugin version " + p.apiVersion()
                            + ", this engine speaks " + MarkupElementPlugin.API_VERSION);
                    continue;
                }
                tag = p.tagName();
                Objects.requireNonNull(p.productAttributes(), "productAttributes()");
            } catch (RuntimeException | LinkageError e) {
                warnings.accept(who + " not used: " + e);
                continue;
            }
            if (tag == null || tag.length() > MAX_TAG_CHARS || !TAG.matcher(tag).matches()) {
                warnings.accept(who + " not used: tag '" + tag + "' must be lower-case words joined by '-', at most "
                        + MAX_TAG_CHARS + " characters");
            } else if (TagMatcher.BUILT_IN.contains(tag)) {
                warnings.accept(who + " not used: tag '" + tag + "' is built in");
            } else if (byTag.containsKey(tag)) {
                warnings.accept(who + " not used: tag '" + tag + "' is already taken by "
                        + byTag.get(tag).getClass().getName());
            } else {
                byTag.put(tag, p);
            }
        }
        return new MarkupExtensions(Map.copyOf(byTag), executor, budget);
    }

    /** Hears (tag, what happened) whenever a plugin's call throws, overruns its budget or answers garbage; returns this. */
    public MarkupExtensions onIncident(BiConsumer<String, String> listener) {
        this.incidents = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Set<String> tags() {
        return byTag.keySet();
    }

    public boolean isEmpty() {
        return byTag.isEmpty();
    }

    public Optional<MarkupElementPlugin> plugin(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** Tags whose only attribute that matters is one product id, which the constrained decoder can restrict. */
    public List<String> productIdTags() {
        List<String> out = new ArrayList<>();
        byTag.forEach((tag, p) -> {
            if (safeProductAttributes(p).equals(Set.of("id"))) {
                out.add(tag);
            }
        });
        out.sort(null);
        return out;
    }

    /** The attributes of {@code tag} that must name a product in scope; empty when the plugin does not say. */
    public Set<String> productAttributes(String tag) {
        MarkupElementPlugin p = byTag.get(tag);
        return p == null ? Set.of() : safeProductAttributes(p);
    }

    private static Set<String> safeProductAttributes(MarkupElementPlugin p) {
        try {
            Set<String> s = p.productAttributes();
            return s == null ? Set.of() : Set.copyOf(s);
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Why {@code tag}'s plugin must not be called now: an earlier call overran its budget and is
     * still running. Empty when it may be called.
     */
    public Optional<String> busy(String tag) {
        CompletableFuture<?> running = overrunning.get(tag);
        if (running == null) {
            return Optional.empty();
        }
        if (running.isDone()) {
            overrunning.remove(tag, running);
            return Optional.empty();
        }
        return Optional.of("an earlier call of the <" + tag + "> plugin overran its budget and is still running");
    }

    /** Records that {@code task}, a call of {@code tag}'s plugin, overran its budget (see {@link #busy}). */
    public void overran(String tag, CompletableFuture<?> task) {
        incidents.accept(tag, "a call overran its " + budget.toMillis() + " ms budget");
        if (!task.isDone()) {
            overrunning.put(tag, task);
        }
    }

    /**
     * The plugin's problems with an element's attributes, empty when it is valid. A plugin that
     * throws, overruns the budget or answers null gets that as its problem, so the element is rejected.
     */
    List<String> validate(String tag, Map<String, String> attributes) {
        MarkupElementPlugin p = byTag.get(tag);
        if (p == null) {
            return List.of("<" + tag + "> has no plugin");
        }
        Optional<String> busy = busy(tag);
        if (busy.isPresent()) {
            return List.of(busy.get());
        }
        Map<String, String> copy = Map.copyOf(attributes);
        CompletableFuture<List<String>> call = CompletableFuture.supplyAsync(() -> p.validate(copy), executor);
        List<String> problems;
        try {
            problems = call.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            overran(tag, call);
            return List.of("<" + tag + "> validation timed out after " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("<" + tag + "> validation interrupted");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            incidents.accept(tag, "validation failed: " + cause);
            return List.of("<" + tag + "> validation failed: " + cause);
        }
        if (problems == null) {
            incidents.accept(tag, "validation returned null");
            return List.of("<" + tag + "> validation returned null");
        }
        List<String> out = new ArrayList<>();
        for (String s : problems) {
            if (out.size() == MAX_PROBLEMS) {
                break;
            }
            String line = s == null || s.isBlank() ? "<" + tag + "> is invalid (the plugin gave no reason)" : s;
            line = ControlCharacters.strip(line).replace('\n', ' ');
            out.add(line.length() <= MAX_PROBLEM_CHARS ? line : line.substring(0, MAX_PROBLEM_CHARS - 1) + "…");
        }
        return out;
    }
}
