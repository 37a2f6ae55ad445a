package dev.aisle.app.cli;

import picocli.CommandLine.Command;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Generate the default shopping corpus or import public formats.",
        subcommands = {})
public final class CorpusCommand {
}
