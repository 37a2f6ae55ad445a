package dev.aisle.engine.train.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the JSONL files of TRL's DPO ({@code prompt}, {@code chosen}, {@code rejected}) and KTO
 * ({@code prompt}, {@code completion}, {@code label}) trainers. Every problem names the file and line.
 */
public final class PreferenceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreferenceFiles() {
    }

    public static List<PreferencePair> readDpo(Path file) throws IOException {
        List<PreferencePair> out = new ArrayList<>();
        forEachLine(file, (n, node) -> out.add(new PreferencePair(text(file, n, node, "prompt"), text(file, n, node, "chosen"),
                text(file, n, node, "rejected"))));
        if (out.isEmpty()) {
            throw new IOException(file + ": no DPO examples (expected JSON lines with prompt, chosen, rejected)");
        }
        return out;
    }

    public static List<LabelledAnswer> readKto(Path file) throws IOException {
        List<LabelledAnswer> out = new ArrayList<>();
        forEachLine(file, (n, node) -> {
            JsonNode label = node.get("label");
            if (label == null || !label.isBoolean()) {
                throw new IllegalArgumentException(file + ":" + n + ": \"label\" must be true or false, got " + label);
            }
            out.add(new LabelledAnswer(text(file, n, node, "prompt"), text(file, n, node, "completion"), label.asBoolean()));
        });
        if (out.isEmpty()) {
            throw new IOException(file + ": no KTO examples (expected JSON lines with prompt, completion, label)");
        }
        return out;
    }

    /** SHA-256 of the file's bytes: the feedback snapshot a preference-trained model records as lineage. */
    public static String snapshotHash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface LineHandler {
        void accept(int lineNumber, JsonNode node);
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ":" + (i + 1) + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            if (node == null || !node.isObject()) {
                throw new IOException(file + ":" + (i + 1) + ": expected a JSON object");
            }
            try {
                handler.accept(i + 1, node);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private static String text(Path file, int line, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(file + ":" + line + ": \"" + field + "\" must be a string, got " + v);
        }
        return v.asText();
    }
}
