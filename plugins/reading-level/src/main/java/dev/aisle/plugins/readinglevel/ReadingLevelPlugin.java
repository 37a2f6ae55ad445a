package dev.aisle.plugins.readinglevel;

import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.AnswerMetric;

import java.util.List;

/** Contributes the reading_level answer metric. */
public final class ReadingLevelPlugin implements AislePlugin {

    @Override
    public String name() {
        return "reading-level";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<AnswerMetric> answerMetrics() {
        return List.of(new ReadingLevelMetric());
    }
}
