package dev.aisle.evaluations.suite;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.evaluations.productqa.ProductQaCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves a suite name to its items. Built-in names: {@code retrieval} and {@code answers}
 * (generated from the corpus' held-out split), {@code adversarial} (hand-written, filled with
 * catalogue products), {@code smoke} (a few of each, fast), {@code product-qa} (the CSV given
 * with {@code dataFile}, else the bundled sample). Anything else is a path: {@code .jsonl} suite
 * files or {@code .csv} product-QA files.
 */
public final class SuiteSource {

    public static final List<String> BUILT_IN = List.of("retrieval", "answers", "adversarial", "smoke", "product-qa");
    public static final int SMOKE_PER_PART = 5;
    private static final String RESOURCES = "/dev/aisle/evaluations/suites/";

    private final Supplier<Corpus> corpus;
    private final Optional<Path> dataFile;

    /**
     * @param corpus   loads the corpus on first use; throws with a clear message when there is none
     * @param dataFile the product-QA CSV for {@code product-qa}, when the user brings one
     */
    public SuiteSource(Supplier<Corpus> corpus, Optional<Path> dataFile) {
        this.corpus = corpus;
        this.dataFile = dataFile;
    }

    public Suite load(String name) throws IOException {
        return switch (name) {
            case "retrieval" -> SuiteGenerator.retrieval(corpus.get());
            case "answers" -> SuiteGenerator.answers(corpus.get());
            case "adversarial" -> adversarial(corpus.get());
            case "smoke" -> smoke(corpus.get());
            case "product-qa" -> dataFile.isPresent()
                    ? ProductQaCsv.read(dataFile.get(), "product-qa")
                    : ProductQaCsv.read(resource("product-qa-sample.csv"), "product-qa", "bundled product-qa-sample.csv");
            default -> file(name);
        };
    }

    private Suite file(String name) throws IOException {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("unknown suite '" + name + "': not one of " + String.join(", ", BUILT_IN)
                    + " and no such file");
        }
        String base = p.getFileName().toString();
        if (base.endsWith(".csv")) {
            return ProductQaCsv.read(p, base.substring(0, base.length() - 4));
        }
        if (base.endsWith(".jsonl")) {
            Suite s = SuiteJsonl.read(p, base.substring(0, base.length() - 6));
            return needsCatalogue(s) ? fill(s, corpus.get()) : s;
        }
        throw new IllegalArgumentException("suite file " + p + " must end in .jsonl (suite items) or .csv (product-QA)");
    }

    public static Suite adversarial(Corpus corpus) throws IOException {
        Suite raw = SuiteJsonl.read(resource("adversarial.jsonl"), "adversarial", "bundled adversarial.jsonl");
        return fill(raw, corpus);
    }

    private static boolean needsCatalogue(Suite s) {
        return s.items().stream().anyMatch(i -> SuiteJsonl.toJson(i).toString().contains("{{"));
    }

    private static Suite fill(Suite raw, Corpus corpus) {
        List<SuiteItem> items = raw.items().stream()
                .map(i -> CatalogueTemplates.fill(i, corpus.products(), raw.source())).toList();
        return new Suite(raw.name(), raw.source() + " on corpus " + corpus.contentHash(), items);
    }

    /** The first few held-out retrieval items, one answer item per intent round-robin, and the adversarial cases. */
    public static Suite smoke(Corpus corpus) throws IOException {
        List<SuiteItem> items = new ArrayList<>(SuiteGenerator.retrieval(corpus).limit(SMOKE_PER_PART).items());
        Map<dev.aisle.datasets.judgments.Intent, List<SuiteItem>> byIntent = new EnumMap<>(dev.aisle.datasets.judgments.Intent.class);
        for (SuiteItem i : SuiteGenerator.answers(corpus).items()) {
            byIntent.computeIfAbsent(i.intent().orElseThrow(), k -> new ArrayList<>()).add(i);
        }
        int taken = 0;
        for (int round = 0; taken < SMOKE_PER_PART && round < SMOKE_PER_PART; round++) {
            for (List<SuiteItem> list : byIntent.values()) {
                if (round < list.size() && taken < SMOKE_PER_PART) {
                    items.add(list.get(round));
                    taken++;
                }
            }
        }
        items.addAll(adversarial(corpus).limit(SMOKE_PER_PART).items());
        return new Suite("smoke", "corpus " + corpus.contentHash() + ": " + SMOKE_PER_PART + " retrieval, "
                + SMOKE_PER_PART + " answer, " + SMOKE_PER_PART + " adversarial items", items);
    }

    static Reader resource(String name) {
        InputStream in = SuiteSource.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("bundled suite resource " + name + " is missing from the evaluations jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
