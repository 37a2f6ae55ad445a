package dev.aisle.app.workbench.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work that must not run on the FX thread, with what to do with its result:
 * {@code BackgroundTask.of(() -> store.load()).onSuccess(vm::show).onFailure(vm::fail).executeWith(executor, ui)}.
 * The work runs on {@code executor}; the callbacks run through {@code ui}. A failure becomes data
 * the UI shows, never a dead window.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<? super Exception> onFailure = e -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> run(CheckedRunnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Exception> handler) {
        this.onFailure = Objects.requireNonNull(handler, "handler");
        return this;
    }

    public void executeWith(Executor executor, UiDispatcher ui) {
        executor.execute(() -> {
            try {
                T value = work.call();
                ui.dispatch(() -> onSuccess.accept(value));
            } catch (Exception e) {
                ui.dispatch(() -> onFailure.accept(e));
            }
        });
    }

    /** A runnable that may throw. */
    @FunctionalInterface
    public interface CheckedRunnable {
        void run() throws Exception;
    }

    /** A message for the user: the exception's message, or its type when it has none. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root instanceof java.util.concurrent.ExecutionException)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
