package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.feedback.AgreementReport;
import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackException;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.exchange.ExchangeFormat;
import dev.aisle.engine.feedback.exchange.ExchangeSummary;
import dev.aisle.engine.feedback.exchange.PreferenceExport;
import dev.aisle.engine.feedback.exchange.PreferenceImport;
import dev.aisle.engine.home.AisleHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code aisle feedback export|import|stats}: the feedback store from the command line. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Export labels as DPO/KTO JSONL (TRL layouts), import such files, show store statistics.",
        subcommands = {FeedbackCommand.Export.class, FeedbackCommand.Import.class, FeedbackCommand.Stats.class,
                FeedbackBenchCommand.class})
public final class FeedbackCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which store: the embedded one under AISLE_HOME, or a shared H2/PostgreSQL database. */
    static final class StoreOptions {
        @Option(names = "--db", description = "JDBC URL of a shared store (jdbc:postgresql://… or jdbc:h2:…); "
                + "default: the embedded store under AISLE_HOME")
        String url;

        @Option(names = "--db-user", defaultValue = "", description = "database user")
        String user;

        @Option(names = "--db-password", defaultValue = "", description = "database password")
        String password;

        FeedbackStore open() {
            if (url == null) {
                return FeedbackStore.openEmbedded(AisleHome.fromEnvironment());
            }
            return new FeedbackStore(FeedbackDatabase.open(url, user, password));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write DPO ({prompt, chosen, rejected}) or KTO ({prompt, completion, label}) JSONL.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--format", required = true, description = "dpo or kto")
        String format;

        @Option(names = "--out", description = "output file (default: stdout)")
        Path out;

        @Option(names = "--json", description = "print a summary as one JSON object on stdout (needs --out)")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            if (json && out == null) {
                System.err.println("feedback export: --json needs --out FILE, because stdout carries the JSONL otherwise");
                return 2;
            }
            try (FeedbackStore s = store.open()) {
                ExchangeFormat f = ExchangeFormat.parse(format);
                ExchangeSummary summary;
                if (out == null) {
                    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                    summary = new PreferenceExport(s).write(f, w);
                } else {
                    Path parent = out.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        summary = new PreferenceExport(s).write(f, w);
                    }
                }
                report(summary, out == null ? "stdout" : out.toString(), json);
                return 0;
            } catch (FeedbackException e) {
                System.err.println("feedback export: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read DPO or KTO JSONL into the store as labels by the annotator 'imported'.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a .jsonl file in the DPO or KTO layout")
        Path file;

        @Option(names = "--format", description = "dpo or kto (default: read from the first line)")
        String format;

        @Option(names = "--json", description = "print a summary as one JSON object on stdout")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                System.err.println("feedback import: no such file: " + file);
                return 2;
            }
            try (FeedbackStore s = store.open()) {
                Optional<ExchangeFormat> f = format == null ? Optional.empty() : Optional.of(ExchangeFormat.parse(format));
                ExchangeSummary summary = new PreferenceImport(s).read(file, f);
                report(summary, file.toString(), json);
                return 0;
            } catch (FeedbackException e) {
                System.err.println("feedback import: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts, the feedback snapshot and annotator agreement (Cohen's kappa, Krippendorff's alpha).")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--json", description = "print one JSON object on stdout")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            try (FeedbackStore s = store.open()) {
                AgreementReport a = s.agreement();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("store", s.database().url().replaceAll(";.*", ""));
                out.put("schemaVersion", s.database().schemaVersion());
                out.put("counts", s.counts());
                out.put("snapshot", s.snapshot().id());
                Map<String, Object> agreement = new LinkedHashMap<>();
                agreement.put("ratedItems", a.ratedItems());
                agreement.put("ratingKappa", finite(a.ratingKappa()));
                agreement.put("ratingAlpha", finite(a.ratingAlpha()));
                agreement.put("comparedItems", a.comparedItems());
                agreement.put("preferenceKappa", finite(a.preferenceKappa()));
                agreement.put("preferenceAlpha", finite(a.preferenceAlpha()));
                out.put("agreement", agreement);
                if (json) {
                    System.out.println(JSON.writeValueAsString(out));
                } else {
                    PrintStream o = System.out;
                    out.forEach((k, v) -> o.println(k + ": " + v));
                }
                return 0;
            } catch (FeedbackException e) {
                System.err.println("feedback stats: " + e.getMessage());
                return 1;
            }
        }
    }

    private static Object finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static void report(ExchangeSummary s, String where, boolean json) throws IOException {
        if (json) {
            System.out.println(JSON.writeValueAsString(s));
        } else {
            System.err.printf("%s: %d examples (%d skipped: tie, both bad, split vote or deleted) -> %s; snapshot %s%n",
                    s.format(), s.examples(), s.skipped(), where, s.snapshot());
        }
    }
}
