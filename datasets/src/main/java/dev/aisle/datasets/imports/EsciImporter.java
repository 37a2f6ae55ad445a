package dev.aisle.datasets.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopping-query relevance judgments as in the public ESCI data: one row per (query, product)
 * with the label E/S/C/I (or Exact/Substitute/Complement/Irrelevant), as CSV with a header row or
 * as JSONL. Optional columns: query_id (groups rows), split (test = held-out).
 */
final class EsciImporter implements Importer {

    private record Row(String queryId, String query, String productId, Relevance label, Split split) {
    }

    @Override
    public void read(Path file, ImportBatch batch, Problems problems) throws IOException {
        List<Row> rows = new ArrayList<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            readCsv(file, batch, problems, rows);
        } else {
            JsonLines.read(file, batch, problems, (node, line) -> rows.add(row(node)));
        }
        Map<String, List<Row>> byQuery = new LinkedHashMap<>();
        for (Row r : rows) {
            byQuery.computeIfAbsent(r.queryId().isEmpty() ? r.query() : r.queryId(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> e : byQuery.entrySet()) {
            Row first = e.getValue().get(0);
            List<Judgment> judgments = new ArrayList<>();
            for (Row r : e.getValue()) {
                judgments.add(new Judgment(r.productId(), r.label()));
            }
            String id = "esci-" + (first.queryId().isEmpty() ? Integer.toHexString(first.query().hashCode()) : first.queryId());
            batch.add(new JudgedQuery(id, first.query(), first.split(), judgments));
        }
    }

    private static void readCsv(Path file, ImportBatch batch, Problems problems, List<Row> rows) throws IOException {
        try (BufferedReader reader = JsonLines.open(file)) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = CsvLine.split(header.replace("\uFEFF", "").trim());
            int query = columns.indexOf("query");
            int product = columns.indexOf("product_id");
            int label = columns.indexOf("esci_label");
            if (label < 0) {
                label = columns.indexOf("label");
            }
            if (query < 0 || product < 0 || label < 0) {
                throw new BadLineException(file, 1, "header must name the columns query, product_id and esci_label; got " + columns);
            }
            int queryId = columns.indexOf("query_id");
            int split = columns.indexOf("split");
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                batch.countLine();
                try {
                    List<String> f = CsvLine.split(text);
                    if (f.size() != columns.size()) {
                        throw new IllegalArgumentException("expected " + columns.size() + " fields, got " + f.size());
                    }
                    rows.add(new Row(queryId < 0 ? "" : f.get(queryId).trim(), required(f.get(query), "query"),
                            required(f.get(product), "product_id"), label(f.get(label)),
                            split < 0 ? Split.TRAIN : split(f.get(split))));
                } catch (IllegalArgumentException e) {
                    problems.report(file, line, e.getMessage());
                }
            }
        }
    }

    private static Row row(JsonNode node) {
        return new Row(JsonLines.optionalText(node, "query_id"), JsonLines.text(node, "query"),
                JsonLines.text(node, "product_id"), label(JsonLines.optionalText(node, "esci_label", "label")),
                split(JsonLines.optionalText(node, "split")));
    }

    private static String required(String value, String column) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty '" + column + "'");
        }
        return value.trim();
    }

    static Relevance label(String value) {
        String v = value.trim();
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "exact" -> Relevance.EXACT;
            case "substitute" -> Relevance.SUBSTITUTE;
            case "complement" -> Relevance.COMPLEMENT;
            case "irrelevant" -> Relevance.IRRELEVANT;
            default -> Relevance.fromCode(v);
        };
    }

    private static Split split(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "train" -> Split.TRAIN;
            case "test", "held_out", "heldout", "held-out" -> Split.HELD_OUT;
            default -> throw new IllegalArgumentException("split must be train or test, got '" + value + "'");
        };
    }
}
