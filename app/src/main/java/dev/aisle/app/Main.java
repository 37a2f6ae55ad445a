package dev.aisle.app;

import dev.aisle.app.cli.AisleCommand;
import dev.aisle.app.cli.ErrorReport;
import picocli.CommandLine;

/** Entry point of the {@code aisle} launcher. With no arguments it opens the workbench. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int code = new CommandLine(new AisleCommand()).setExecutionExceptionHandler(new ErrorReport()).execute(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
