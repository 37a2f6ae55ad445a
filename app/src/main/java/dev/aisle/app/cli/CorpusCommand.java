package dev.aisle.app.cli;

import picocli.CommandLine.Command;

/** {@code aisle corpus generate|import}: the shopping corpus under AISLE_HOME/corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Generate the default shopping corpus or import public formats.",
        subcommands = {
                CorpusGenerateCommand.class,
                CorpusImportCommand.class,
        })
public final class CorpusCommand {
}
