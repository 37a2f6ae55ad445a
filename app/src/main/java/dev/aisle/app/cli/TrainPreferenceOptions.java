package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.ModelEntry;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.train.preference.PreferenceSettings;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** Options of DPO and KTO. */
public final class TrainPreferenceOptions {

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "the model to improve (also the frozen reference)")
    Path from;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL from: aisle feedback export")
    Path data;

    @Option(names = "--beta", defaultValue = "0.1", description = "β (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--steps", defaultValue = "200", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "4", description = "pairs (DPO) or answers (KTO) per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "2e-5", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--max-length", defaultValue = "0", description = "longest prompt + answer kept, in tokens; "
            + "0 = the model's context length (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--out", paramLabel = "DIR", description = "model directory to write")
    Path out;

    /**
     * Registers the trained model in the feedback store of AISLE_HOME, child of the model it
     * started from, with the snapshot of the preference file it learned from.
     */
    void register(String stage, Path out, PrintStream log) throws java.io.IOException {
        JsonNode parent = readLineage(from);
        JsonNode child = readLineage(out);
        try (FeedbackStore store = FeedbackStore.openEmbedded(AisleHome.fromEnvironment())) {
            ModelEntry m = store.models().registerTrained(from.toAbsolutePath().normalize().toString(),
                    parent.path("stage").asText("imported"), out.toAbsolutePath().normalize().toString(), stage,
                    child.path("corpusHash").asText(""), child.path("feedbackSnapshot").asText(""), child.path("extra").toString());
            log.printf("%s: registered as model %s version %s (id %d) in the feedback store%n", stage, m.name(), m.version(), m.id());
        }
    }

    private static JsonNode readLineage(Path dir) throws java.io.IOException {
        Path file = dir.resolve("aisle.json");
        return java.nio.file.Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile())
                : new ObjectMapper().createObjectNode();
    }

    PreferenceSettings settings(long seed, double desirableWeight, double undesirableWeight) {
        return PreferenceSettings.schedule(beta, desirableWeight, undesirableWeight, batch,
                PreferenceSettings.orContextLength(maxLength, from), steps, lr, seed);
    }
}
