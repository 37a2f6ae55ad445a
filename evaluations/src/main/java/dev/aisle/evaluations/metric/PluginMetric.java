package dev.aisle.evaluations.metric;

import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.spi.AnswerMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A plugin's {@link AnswerMetric} as one of the run's metrics. The plugin is untrusted: an exception,
 * an infinite value or an error is counted as a failure for that item (the item gets no value) and
 * the run goes on; NaN means "does not apply". Failures are kept so the command can report them.
 */
public final class PluginMetric implements Metric {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_@.]*");

    private final AnswerMetric plugin;
    private final String name;
    private final String description;
    private final boolean higherIsBetter;
    private final List<String> failures = new ArrayList<>();

    /** @throws IllegalArgumentException when the plugin's name, description or SPI version is unusable */
    public PluginMetric(AnswerMetric plugin) {
        this.plugin = plugin;
        this.name = plugin.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin metric " + plugin.getClass().getName() + " has name '" + name
                    + "'; a metric name is lower case letters, digits and '_'");
        }
        if (plugin.apiVersion() != AnswerMetric.API_VERSION) {
            throw new IllegalArgumentException("plugin metric " + name + " speaks SPI version " + plugin.apiVersion()
                    + ", the engine speaks " + AnswerMetric.API_VERSION);
        }
        String d = plugin.description();
        this.description = (d == null || d.isBlank() ? "(no description)" : d) + " Plugin metric ("
                + plugin.getClass().getName() + ").";
        this.higherIsBetter = plugin.higherIsBetter();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Group group() {
        return Group.ANSWER;
    }

    @Override
    public String definition() {
        return description;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @Override
    public OptionalDouble score(Observation o) {
        if (!o.isAnswerItem()) {
            return OptionalDouble.empty();
        }
        List<String> evidence = o.answer().evidence().stream().map(EvidenceLine::text).toList();
        double v;
        try {
            v = plugin.score(o.item().question(), o.answer().answerText(), evidence);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            fail(o, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return OptionalDouble.empty();
        }
        if (Double.isNaN(v)) {
            return OptionalDouble.empty();
        }
        if (Double.isInfinite(v)) {
            fail(o, "returned " + v);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    private synchronized void fail(Observation o, String why) {
        failures.add(o.item().id() + ": " + why);
    }

    /** "item-id: why" for every item the plugin failed on, in the order they were scored. */
    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
