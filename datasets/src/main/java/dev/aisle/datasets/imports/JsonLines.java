package dev.aisle.datasets.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aisle.datasets.corpus.CorpusJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Line-by-line reading of JSONL (plain or .gz) with the helpers importers share. A line handler
 * throws {@link IllegalArgumentException} with a reason; the reader reports it as file:line.
 */
final class JsonLines {

    interface LineHandler {
        void handle(JsonNode node, long line);
    }

    private JsonLines() {
    }

    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    static void read(Path file, ImportBatch batch, Problems problems, LineHandler handler) throws IOException {
        try (BufferedReader reader = open(file)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                batch.countLine();
                JsonNode node;
                try {
                    node = CorpusJson.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    problems.report(file, line, "not valid JSON (" + e.getOriginalMessage() + ")");
                    continue;
                }
                if (node == null || !node.isObject()) {
                    problems.report(file, line, "expected a JSON object");
                    continue;
                }
                try {
                    handler.handle(node, line);
                } catch (IllegalArgumentException e) {
                    problems.report(file, line, e.getMessage());
                }
            }
        }
    }

    /** A required non-blank text field. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        if (v.isContainerNode()) {
            throw new IllegalArgumentException("'" + field + "' must be text, got " + v.getNodeType());
        }
        return v.asText().trim();
    }

    /** The first present, non-blank text field of several spellings, or empty. */
    static String optionalText(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.isContainerNode() && !v.asText().isBlank()) {
                return v.asText().trim();
            }
        }
        return "";
    }

    /** A number field; NaN when absent or null; a bad value is an error naming the field. */
    static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        String s = v.asText().trim().replace("$", "").replace(",", "");
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a number: '" + v.asText() + "'");
        }
    }

    /** Texts of a field that may be a list or a single value. */
    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isNull() && !x.isContainerNode() && !x.asText().isBlank()) {
                    out.add(x.asText().trim());
                }
            }
        } else if (!v.isContainerNode() && !v.asText().isBlank()) {
            out.add(v.asText().trim());
        }
        return out;
    }

    /** Star ratings must be 1–5; 4.0 is fine, 4.5 is rounded, 0 or 7 is an error. */
    static int stars(JsonNode node, String field) {
        double r = number(node, field);
        if (Double.isNaN(r)) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        if (r < 1 || r > 5) {
            throw new IllegalArgumentException("'" + field + "' must be between 1 and 5, got " + node.get(field).asText());
        }
        return (int) Math.round(r);
    }

    /** Helpful votes written as a number or as Amazon's older [helpful, total] pair. */
    static int votes(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isArray() && v.size() > 0) {
                return v.get(0).asInt();
            }
            if (v.isNumber() || v.asText().matches("\\d+")) {
                return v.asInt();
            }
            throw new IllegalArgumentException("'" + f + "' must be a count, got '" + v.asText() + "'");
        }
        return 0;
    }

    static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
