package dev.aisle.app.workbench.service;

import java.util.function.Consumer;

/**
 * Prepares the engine (corpus, index, model, feedback store) and reports progress while it does.
 * {@link #prepare} blocks; the workbench calls it on a background thread and shows the progress.
 */
public interface EngineStartup {

    /** Prepares everything and returns the ready engine's services. */
    Services prepare(Consumer<Progress> progress) throws Exception;

    /** How far preparation is: a stage name, a fraction in [0, 1] (or -1 if unknown) and a message. */
    record Progress(String stage, double fraction, String message) {
    }
}
