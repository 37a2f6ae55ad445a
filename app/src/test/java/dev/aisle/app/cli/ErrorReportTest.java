package dev.aisle.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorReportTest {

    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        final Exception thrown;

        Fails(Exception thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            throw thrown;
        }
    }

    private static String run(Exception thrown, int expectedCode) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Fails(thrown)).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new ErrorReport()).execute();
        assertEquals(expectedCode, code, err.toString());
        return err.toString();
    }

    @Test
    void badInputIsOneLineNamingTheCommand() {
        String out = run(new IllegalArgumentException("unknown backend \"tpu\": built in are cpu, neuron"), 2);
        assertEquals("fails: unknown backend \"tpu\": built in are cpu, neuron", out.strip());
    }

    @Test
    void anEnvironmentProblemSaysWhyWithoutATrace() {
        String out = run(new UncheckedIOException("cannot read the corpus", new NoSuchFileException("/tmp/none/products.jsonl")), 1);
        assertTrue(out.contains("fails: cannot read the corpus") && out.contains("because: /tmp/none/products.jsonl"), out);
        assertFalse(out.contains("\tat "), "no stack trace for an expected failure: " + out);
    }

    @Test
    void aBugKeepsItsStackTrace() {
        String out = run(new NullPointerException("product was null"), 1);
        assertTrue(out.contains("NullPointerException") && out.contains("\tat "), out);
    }
}
