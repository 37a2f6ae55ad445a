package dev.aisle.engine.rag.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;

/**
 * Runs calls concurrently on an executor and waits for each no longer than a shared deadline. A
 * call still running at the deadline is cancelled (interrupted) and reported as a timeout; one that
 * throws is reported as failed. The executor must be able to start a thread per call (a cached pool),
 * so a hung call cannot block the next question's calls.
 */
public final class BudgetedCalls {

    /** A call's outcome: the value when it finished in time, and its run record either way. */
    public record Outcome<T>(Optional<T> value, SourceRun run) {
    }

    /** One call to make; {@code budget} is how long it may take from the moment all calls start. */
    public record Call<T>(String source, String kind, Callable<T> body, ToIntFunction<T> count, Duration budget) {
        public Call {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("time budget of " + source + " must be positive, got " + budget);
            }
        }
    }

    private final ExecutorService executor;

    public BudgetedCalls(ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts all calls at once and collects each by its own deadline (its budget from now). */
    public <T> List<Outcome<T>> runAll(List<Call<T>> calls) {
        long start = System.nanoTime();
        List<Future<T>> futures = new ArrayList<>(calls.size());
        List<long[]> finished = new ArrayList<>(calls.size());
        for (Call<T> c : calls) {
            long[] end = new long[1];
            finished.add(end);
            futures.add(executor.submit(() -> {
                try {
                    return c.body().call();
                } finally {
                    end[0] = System.nanoTime();
                }
            }));
        }
        List<Outcome<T>> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            Call<T> c = calls.get(i);
            Future<T> f = futures.get(i);
            try {
                long deadline = start + c.budget().toNanos();
                T value = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                long micros = (finished.get(i)[0] - start) / 1000;
                out.add(new Outcome<>(Optional.ofNullable(value), new SourceRun(c.source(), c.kind(),
                        value == null ? SourceRun.Status.FAILED : SourceRun.Status.OK, micros,
                        value == null ? 0 : c.count().applyAsInt(value), value == null ? "returned nothing (null)" : "")));
            } catch (TimeoutException e) {
                f.cancel(true);
                out.add(new Outcome<>(Optional.empty(), new SourceRun(c.source(), c.kind(), SourceRun.Status.TIMEOUT,
                        (System.nanoTime() - start) / 1000, 0, "cut off after the " + c.budget().toMillis() + " ms budget")));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                out.add(new Outcome<>(Optional.empty(), new SourceRun(c.source(), c.kind(), SourceRun.Status.FAILED,
                        (System.nanoTime() - start) / 1000, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage())));
            } catch (CancellationException e) {
                out.add(new Outcome<>(Optional.empty(), new SourceRun(c.source(), c.kind(), SourceRun.Status.FAILED,
                        (System.nanoTime() - start) / 1000, 0, "cancelled")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while waiting for " + c.source(), e);
            }
        }
        return out;
    }
}
