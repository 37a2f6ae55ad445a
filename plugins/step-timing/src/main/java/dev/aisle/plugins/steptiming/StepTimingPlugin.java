package dev.aisle.plugins.steptiming;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.BackendPlugin;

import java.util.List;

/** Contributes the {@code cpu-timed} backend. */
public final class StepTimingPlugin implements AislePlugin {

    @Override
    public String name() {
        return "step-timing";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<BackendPlugin> backends() {
        return List.of(new BackendPlugin() {
            @Override
            public String name() {
                return TimedBackend.NAME;
            }

            @Override
            public String description() {
                return "the engine's CPU backend, printing per-step time percentiles to stderr when it closes";
            }

            @Override
            public Backend create(BackendRequest request) {
                return new TimedBackend(request.cpuBackend().get(), System.err::println, System::nanoTime);
            }
        });
    }
}
