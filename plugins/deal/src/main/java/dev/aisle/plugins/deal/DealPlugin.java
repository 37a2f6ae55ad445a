package dev.aisle.plugins.deal;

import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.MarkupElementPlugin;

import java.util.List;

/** Contributes the deal markup element. */
public final class DealPlugin implements AislePlugin {

    @Override
    public String name() {
        return "deal";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<MarkupElementPlugin> markupElements() {
        return List.of(new DealElement());
    }
}
