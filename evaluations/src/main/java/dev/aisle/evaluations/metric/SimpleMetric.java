package dev.aisle.evaluations.metric;

import java.util.OptionalDouble;
import java.util.function.Function;

/** A metric given by its name, definition and scoring function. */
record SimpleMetric(String name, Metric.Group group, boolean higherIsBetter, String definition,
                    Function<Observation, OptionalDouble> scorer) implements Metric {

    @Override
    public OptionalDouble score(Observation o) {
        return scorer.apply(o);
    }
}
