package dev.aisle.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Picocli treats descriptions as format strings: a bare "5% of" or "95% interval" makes `--help`
 * warn on the console and print the raw text. Every command's help must format cleanly.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        List<String> warned = new ArrayList<>();
        PrintStream err = System.err;
        try {
            check(new CommandLine(new AisleCommand()), warned);
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of(), warned);
    }

    private static void check(CommandLine command, List<String> warned) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        // Picocli's tracer writes its warnings to System.err at the time of the call.
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        command.getUsageMessage();
        String warnings = console.toString(StandardCharsets.UTF_8);
        if (!warnings.isBlank()) {
            warned.add(command.getCommandSpec().qualifiedName() + ": " + warnings.strip());
        }
        command.getSubcommands().values().forEach(sub -> check(sub, warned));
    }
}
