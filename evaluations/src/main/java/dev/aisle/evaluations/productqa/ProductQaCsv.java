package dev.aisle.evaluations.productqa;

import dev.aisle.evaluations.suite.Candidate;
import dev.aisle.evaluations.suite.GradedJudgment;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a product-QA evidence-ranking CSV into a suite. Header (any order; alternative names in
 * brackets): {@code qid, question, product_id [asin], candidate [candidate_text, evidence],
 * source, label, reference_answer [answer]}; other columns are ignored. One row per candidate; rows of one qid form one
 * item whose candidates are judged with gain = label (0 irrelevant, 1 partly, 2 answers it).
 */
public final class ProductQaCsv {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("qid", "qid"), Map.entry("question_id", "qid"),
            Map.entry("question", "question"),
            Map.entry("product_id", "product_id"), Map.entry("asin", "product_id"), Map.entry("productid", "product_id"),
            Map.entry("candidate", "candidate"), Map.entry("candidate_text", "candidate"), Map.entry("evidence", "candidate"),
            Map.entry("source", "source"),
            Map.entry("label", "label"),
            Map.entry("reference_answer", "reference_answer"), Map.entry("answer", "reference_answer"));
    private static final List<String> REQUIRED = List.of("qid", "question", "product_id", "candidate", "source", "label");

    private ProductQaCsv() {
    }

    public static Suite read(Path file, String suiteName) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, suiteName, file.toString());
        }
    }

    public static Suite read(Reader reader, String suiteName, String source) throws IOException {
        List<CsvRows.Row> rows = CsvRows.read(reader instanceof BufferedReader b ? b : new BufferedReader(reader), source);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty file; expected a header with " + String.join(", ", REQUIRED));
        }
        Map<String, Integer> col = header(rows.get(0), source);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            String where = source + ":" + row.line();
            if (row.fields().size() != rows.get(0).fields().size()) {
                throw new IllegalArgumentException(where + ": " + row.fields().size() + " fields, header has " + rows.get(0).fields().size());
            }
            String qid = get(row, col, "qid");
            if (qid.isBlank()) {
                throw new IllegalArgumentException(where + ": empty qid");
            }
            Draft d = drafts.computeIfAbsent(qid, k -> new Draft(get(row, col, "question")));
            if (!d.question.equals(get(row, col, "question"))) {
                throw new IllegalArgumentException(where + ": qid " + qid + " has two different questions");
            }
            String label = get(row, col, "label").trim();
            int gain;
            try {
                gain = Integer.parseInt(label);
            } catch (NumberFormatException e) {
                gain = -1;
            }
            if (gain < 0 || gain > 2) {
                throw new IllegalArgumentException(where + ": label must be 0, 1 or 2, got '" + label + "'");
            }
            String id = qid + "#" + d.candidates.size();
            d.candidates.add(new Candidate(id, get(row, col, "product_id"), get(row, col, "source"), get(row, col, "candidate")));
            d.judgments.add(new GradedJudgment(id, gain));
            d.products.add(get(row, col, "product_id"));
            String ref = col.containsKey("reference_answer") ? get(row, col, "reference_answer") : "";
            if (d.reference.isBlank() && !ref.isBlank()) {
                d.reference = ref;
            }
        }
        List<SuiteItem> items = new ArrayList<>();
        drafts.forEach((qid, d) -> items.add(SuiteItem.builder(qid, SuiteKind.RETRIEVAL, d.question)
                .candidates(d.candidates).judgments(d.judgments).expectedProductIds(new ArrayList<>(d.products))
                .referenceAnswer(d.reference).tags(List.of("product-qa")).build()));
        return new Suite(suiteName, source, items);
    }

    private static Map<String, Integer> header(CsvRows.Row header, String source) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (i == 0 && name.startsWith("\ufeff")) {
                name = name.substring(1);
            }
            String canonical = COLUMNS.get(name);
            // Extra columns (a dataset's own ids, annotator notes) are ignored, as the engine's reader does.
            if (canonical != null) {
                col.put(canonical, i);
            }
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw new IllegalArgumentException(source + ":" + header.line() + ": missing column '" + r + "'");
            }
        }
        return col;
    }

    private static String get(CsvRows.Row row, Map<String, Integer> col, String name) {
        return row.fields().get(col.get(name));
    }

    private static final class Draft {
        final String question;
        final List<Candidate> candidates = new ArrayList<>();
        final List<GradedJudgment> judgments = new ArrayList<>();
        final LinkedHashSet<String> products = new LinkedHashSet<>();
        String reference = "";

        Draft(String question) {
            this.question = question;
        }
    }
}
