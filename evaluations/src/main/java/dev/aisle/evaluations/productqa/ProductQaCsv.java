package dev.aisle.evaluations.productqa;

import dev.aisle.evaluations.suite.Candidate;
import dev.aisle.evaluations.suite.GradedJudgment;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A product-QA evidence-ranking CSV as a suite. The file is read by the engine's reader
 * ({@link dev.aisle.engine.rag.eval.ProductQaCsv}: columns, accepted header names, error messages
 * with file and line), so the engine's ranker and the evaluations read the same files the same
 * way. Rows of one qid form one item whose candidates are judged with gain = label (0 irrelevant,
 * 1 partly, 2 answers it).
 */
public final class ProductQaCsv {

    private ProductQaCsv() {
    }

    public static Suite read(Path file, String suiteName) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, suiteName, file.toString());
        }
    }

    public static Suite read(Reader reader, String suiteName, String source) throws IOException {
        List<SuiteItem> items = new ArrayList<>();
        for (var q : dev.aisle.engine.rag.eval.ProductQaCsv.read(reader, source)) {
            List<Candidate> candidates = new ArrayList<>();
            List<GradedJudgment> judgments = new ArrayList<>();
            Set<String> products = new LinkedHashSet<>();
            for (var row : q.candidates()) {
                String id = q.qid() + "#" + candidates.size();
                candidates.add(new Candidate(id, row.productId(), row.source(), row.candidate()));
                judgments.add(new GradedJudgment(id, row.label()));
                products.add(row.productId());
            }
            items.add(SuiteItem.builder(q.qid(), SuiteKind.RETRIEVAL, q.question()).candidates(candidates)
                    .judgments(judgments).expectedProductIds(new ArrayList<>(products)).referenceAnswer(q.referenceAnswer())
                    .tags(List.of("product-qa")).build());
        }
        return new Suite(suiteName, source, items);
    }
}
