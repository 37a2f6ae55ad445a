package dev.aisle.engine.rag.route;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetedCallsTest {

    static final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void eachCallGetsItsOwnOutcome() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch sawInterrupt = new CountDownLatch(1);
        List<BudgetedCalls.Call<String>> calls = List.of(
                new BudgetedCalls.Call<>("fast", "evidence", () -> "ok", String::length, Duration.ofSeconds(5)),
                new BudgetedCalls.Call<>("hangs", "evidence", () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        sawInterrupt.countDown();
                    }
                    return "late";
                }, String::length, Duration.ofMillis(200)),
                new BudgetedCalls.Call<>("throws", "service", () -> {
                    throw new IllegalStateException("stock system down");
                }, String::length, Duration.ofSeconds(5)),
                new BudgetedCalls.Call<>("null", "service", () -> null, String::length, Duration.ofSeconds(5)));
        List<BudgetedCalls.Outcome<String>> out = new BudgetedCalls(pool).runAll(calls);
        assertEquals("ok", out.get(0).value().orElseThrow());
        assertEquals(SourceRun.Status.OK, out.get(0).run().status());
        assertEquals(2, out.get(0).run().items());
        assertEquals(SourceRun.Status.TIMEOUT, out.get(1).run().status());
        assertTrue(out.get(1).value().isEmpty());
        assertEquals(SourceRun.Status.FAILED, out.get(2).run().status());
        assertTrue(out.get(2).run().detail().contains("IllegalStateException: stock system down"));
        assertEquals(SourceRun.Status.FAILED, out.get(3).run().status());
        sawInterrupt.await();
        assertTrue(interrupted.get(), "a timed-out call is interrupted");
    }

    @Test
    void budgetsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BudgetedCalls.Call<>("x", "evidence", () -> "", String::length, Duration.ZERO));
        assertTrue(e.getMessage().contains("x"));
    }
}
