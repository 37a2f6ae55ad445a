package dev.aisle.app.workbench.common;

/**
 * Runs ViewModel updates where the UI can see them. In the application it is the FX thread
 * ({@link FxDispatcher}); in ViewModel tests it runs on the calling thread, so tests need no toolkit.
 */
@FunctionalInterface
public interface UiDispatcher {

    void dispatch(Runnable update);

    /** Runs every update at once on the calling thread (tests, or code already on the UI thread). */
    static UiDispatcher direct() {
        return Runnable::run;
    }
}
