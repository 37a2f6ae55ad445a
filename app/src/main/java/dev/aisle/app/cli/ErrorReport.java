package dev.aisle.app.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a command's failure reaches the user: bad input and environment problems (a wrong option value,
 * a missing file, an unknown backend) as one line naming the command and what is wrong, exit code 2 for
 * bad input and 1 otherwise; anything else — a bug — with its stack trace. {@code AISLE_DEBUG=1} always
 * prints the trace.
 */
public final class ErrorReport implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof IOException || e instanceof UncheckedIOException;
        var err = cmd.getErr();
        if (!expected || e.getMessage() == null || System.getenv("AISLE_DEBUG") != null) {
            e.printStackTrace(err);
            return 1;
        }
        StringBuilder line = new StringBuilder(cmd.getCommandSpec().qualifiedName()).append(": ").append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !e.getMessage().contains(c.getMessage())) {
                line.append("\n  because: ").append(c.getMessage());
            }
        }
        err.println(line);
        return e instanceof IllegalArgumentException ? 2 : 1;
    }
}
