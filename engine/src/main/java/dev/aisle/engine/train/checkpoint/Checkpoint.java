package dev.aisle.engine.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A resumable training state in a folder: {@code weights.ndlist}, {@code optimizer.ndlist} (named
 * arrays in DJL's own encoding, exact to the bit) and {@code state.json} with the step and the
 * settings the run must be resumed with.
 */
public final class Checkpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint holds besides the arrays. */
    public record State(long step, String stage, ObjectNode settings) {
    }

    private Checkpoint() {
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("state.json"));
    }

    public static void save(Path dir, State state, Map<String, NDArray> weights, Map<String, NDArray> optimizer)
            throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".writing");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        write(tmp.resolve("weights.ndlist"), weights);
        write(tmp.resolve("optimizer.ndlist"), optimizer);
        ObjectNode json = JSON.createObjectNode();
        json.put("step", state.step());
        json.put("stage", state.stage());
        json.set("settings", state.settings());
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("state.json").toFile(), json);
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    public static State readState(Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no checkpoint here (state.json missing)");
        }
        var node = JSON.readTree(file.toFile());
        if (!node.has("step") || !node.has("stage")) {
            throw new IOException(file + ": not a training checkpoint (needs 'step' and 'stage')");
        }
        ObjectNode settings = node.has("settings") && node.get("settings").isObject()
                ? (ObjectNode) node.get("settings") : JSON.createObjectNode();
        return new State(node.get("step").asLong(), node.get("stage").asText(), settings);
    }

    /** Arrays by name, created in {@code manager}. */
    public static Map<String, NDArray> readArrays(Path file, NDManager manager) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (NDArray a : list) {
                out.put(a.getName(), a);
            }
            return out;
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot decode checkpoint arrays (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, Map<String, NDArray> arrays) throws IOException {
        NDList list = new NDList();
        arrays.forEach((name, a) -> {
            a.setName(name); // the name travels with the encoded data
            list.add(a);
        });
        try (OutputStream out = Files.newOutputStream(file)) {
            list.encode(out);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
