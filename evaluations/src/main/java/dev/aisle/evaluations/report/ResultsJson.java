package dev.aisle.evaluations.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.evaluations.run.RunResult;

import java.io.IOException;
import java.nio.file.Path;

/** results.json: the {@link RunResult} as it is, records serialised by Jackson. */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(RunResult result, Path file) throws IOException {
        JSON.writeValue(file.toFile(), result);
    }

    public static String toJson(RunResult result) throws IOException {
        return JSON.writeValueAsString(result);
    }

    /** The compact summary printed on stdout with {@code --json}. */
    public static String summary(RunResult result, Path outDir) throws IOException {
        var root = JSON.createObjectNode();
        root.put("suite", result.manifest().suite());
        root.put("items", result.manifest().items());
        root.put("seed", result.manifest().seed());
        root.put("corpusHash", result.manifest().corpusHash());
        root.put("out", outDir.toString());
        var configs = root.putObject("configurations");
        result.runs().forEach(r -> {
            var c = configs.putObject(r.configuration().name());
            c.put("errors", r.errors());
            r.aggregates().forEach(a -> c.put(a.metric(), a.mean()));
        });
        var diffs = root.putArray("comparison");
        result.comparison().forEach(d -> diffs.addObject().put("metric", d.metric()).put("n", d.n())
                .put("difference", d.difference().estimate()).put("low", d.difference().low())
                .put("high", d.difference().high()).put("verdict", d.verdict()));
        var failed = root.putArray("failedThresholds");
        result.failedThresholds().forEach(c -> failed.add(c.message()));
        return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
