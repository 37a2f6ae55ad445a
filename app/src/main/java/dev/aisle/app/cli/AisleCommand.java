package dev.aisle.app.cli;

import dev.aisle.app.workbench.WorkbenchLauncher;
import picocli.CommandLine.Command;

/** The root of the command line; see DESIGN.md, "Command line". */
@Command(name = "aisle",
        mixinStandardHelpOptions = true,
        version = "aisle 0.1.0",
        description = "Workbench for building, evaluating and tuning a conversational shopping assistant.%n"
                + "With no command, opens the workbench.",
        subcommands = {
                CorpusCommand.class,
                IndexCommand.class,
                AskCommand.class,
                TrainCommand.class,
                BenchCommand.class,
                ServeCommand.class,
                EvalCommand.class,
                FeedbackCommand.class,
                PluginsCommand.class,
        })
public final class AisleCommand implements Runnable {

    @Override
    public void run() {
        WorkbenchLauncher.launch();
    }
}
