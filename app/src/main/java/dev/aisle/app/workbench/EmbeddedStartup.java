package dev.aisle.app.workbench;

import dev.aisle.app.workbench.service.EngineStartup;
import dev.aisle.app.workbench.service.Services;
import java.util.function.Consumer;

/** Prepares the embedded engine under AISLE_HOME (corpus, index, model, feedback store). */
final class EmbeddedStartup implements EngineStartup {

    @Override
    public Services prepare(Consumer<Progress> progress) {
        progress.accept(new Progress("Looking for the engine", -1, "waiting for the assistant pipeline"));
        throw new IllegalStateException("the embedded assistant pipeline is not part of this build yet");
    }
}
