package dev.aisle.engine.rag.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads product-QA evidence-ranking files: a header row naming the columns
 * {@code qid, question, product_id, candidate, source, label, reference_answer} (any order; extra
 * columns ignored), then one candidate per row, RFC 4180 quoting (fields may contain commas, quotes
 * doubled, and line breaks inside quotes). A bad row fails with file:line and the bad value.
 */
public final class ProductQaCsv {

    public static final List<String> COLUMNS = List.of("qid", "question", "product_id", "candidate", "source",
            "label", "reference_answer");
    public static final Set<String> SOURCES = Set.of("review", "attribute", "cqa", "description", "bullet");

    /** One candidate evidence text for one question. */
    public record Row(String qid, String question, String productId, String candidate, String source, int label,
                      String referenceAnswer, int line) {
    }

    /** A question with all its candidates, in file order. */
    public record Question(String qid, String question, String productId, String referenceAnswer, List<Row> candidates) {
        public Question {
            candidates = List.copyOf(candidates);
        }
    }

    private ProductQaCsv() {
    }

    /**
     * Header names other datasets use for the same columns; extra columns (a dataset's own ids,
     * annotator notes) are ignored.
     */
    private static final Map<String, String> ALIASES = Map.of("question_id", "qid", "asin", "product_id",
            "productid", "product_id", "candidate_text", "candidate", "evidence", "candidate", "answer", "reference_answer");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 6);

    public static List<Question> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** @param source what error messages call the input, e.g. its file name */
    public static List<Question> read(Reader reader, String source) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(reader instanceof BufferedReader b ? b : new BufferedReader(reader), source, records, lines);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty file, expected a header with " + COLUMNS);
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            col.putIfAbsent(ALIASES.getOrDefault(name, name), i);
        }
        for (String c : REQUIRED) {
            if (!col.containsKey(c)) {
                throw new IllegalArgumentException(source + ":1: missing column '" + c + "' (header has " + header + ")");
            }
        }
        Map<String, List<Row>> byQid = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            int line = lines.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException(source + ":" + line + ": " + rec.size() + " fields, header has " + header.size());
            }
            String where = source + ":" + line + ": ";
            String sourceName = rec.get(col.get("source")).strip().toLowerCase(Locale.ROOT);
            if (!SOURCES.contains(sourceName)) {
                throw new IllegalArgumentException(where + "source must be one of " + SOURCES + ", got '" + sourceName + "'");
            }
            String labelText = rec.get(col.get("label")).strip();
            int label = -1;
            try {
                label = Integer.parseInt(labelText);
            } catch (NumberFormatException e) {
                // reported below with the other bad labels
            }
            if (label < 0 || label > 2) {
                throw new IllegalArgumentException(where + "label must be 0, 1 or 2, got '" + labelText + "'");
            }
            String qid = rec.get(col.get("qid")).strip();
            if (qid.isEmpty()) {
                throw new IllegalArgumentException(where + "empty qid");
            }
            String reference = col.containsKey("reference_answer") ? rec.get(col.get("reference_answer")) : "";
            byQid.computeIfAbsent(qid, q -> new ArrayList<>()).add(new Row(qid, rec.get(col.get("question")),
                    rec.get(col.get("product_id")).strip(), rec.get(col.get("candidate")), sourceName, label, reference, line));
        }
        List<Question> out = new ArrayList<>();
        byQid.forEach((qid, rows) -> {
            Row first = rows.get(0);
            for (Row row : rows) {
                if (!row.question().equals(first.question())) {
                    throw new IllegalArgumentException(source + ":" + row.line() + ": qid " + qid
                            + " has two different questions (see line " + first.line() + ")");
                }
            }
            String reference = rows.stream().map(Row::referenceAnswer).filter(a -> !a.isBlank()).findFirst().orElse("");
            out.add(new Question(qid, first.question(), first.productId(), reference, rows));
        });
        return out;
    }

    private static void parse(BufferedReader in, String file, List<List<String>> records, List<Integer> lines) throws IOException {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int recordLine = 1;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"') {
                if (afterQuote) {
                    field.append('"');
                    quoted = true;
                    afterQuote = false;
                } else if (field.length() == 0) {
                    quoted = true;
                } else {
                    throw new IllegalArgumentException(file + ":" + line + ": stray quote inside an unquoted field '" + field + "'");
                }
                continue;
            }
            afterQuote = false;
            if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lines.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ":" + recordLine + ": a quoted field is never closed");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
    }
}
