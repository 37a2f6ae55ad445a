package dev.aisle.evaluations.report;

import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.run.RunResult;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteJsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The files of one run, written the same way whoever ran it (the command line or the workbench):
 * {@code results.json}, a self-contained {@code report.html} and {@code suite.jsonl} (the exact items).
 */
public final class RunFiles {

    private RunFiles() {
    }

    /** {@code runsDir/<yyyyMMdd-HHmmss>-<suite>}: where a run goes when no folder is given. */
    public static Path defaultDir(Path runsDir, String suite) {
        return runsDir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + suite);
    }

    /**
     * Writes the three files into {@code dir} (created when missing). Product-QA answers are a
     * candidate's plain text, so they are shown escaped; other answers go through the markup renderer.
     */
    public static void write(RunResult result, Suite suite, Catalogue catalogue, boolean productQa, Path dir) throws IOException {
        Files.createDirectories(dir);
        ResultsJson.write(result, dir.resolve("results.json"));
        new HtmlReport(productQa ? AnswerRenderer.ESCAPED_TEXT : new MarkupAnswerRenderer(catalogue)).write(result, dir.resolve("report.html"));
        SuiteJsonl.write(suite, dir.resolve("suite.jsonl"));
    }
}
