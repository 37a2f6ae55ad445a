package dev.aisle.datasets.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The public formats Aisle imports, by the name used on the command line. */
public enum ImportFormat {
    /** Amazon Reviews 2023 JSONL: item metadata lines and review lines (either or both per file). */
    AMAZON_REVIEWS("amazon-reviews", AmazonReviewsImporter::new),
    /** Amazon product Q&amp;A JSONL: single {@code answer} or an {@code answers} list per question. */
    AMAZON_QA("amazon-qa", AmazonQaImporter::new),
    /** Shopping-query judgments (query, product_id, esci_label E/S/C/I) as CSV or JSONL. */
    ESCI("esci", EsciImporter::new),
    /** dummyjson-style product JSON: {@code {"products":[...]}} with nested reviews. */
    DUMMYJSON("dummyjson", DummyJsonImporter::new);

    private final String cliName;
    private final Supplier<Importer> factory;

    ImportFormat(String cliName, Supplier<Importer> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    public String cliName() {
        return cliName;
    }

    public Importer newImporter() {
        return factory.get();
    }

    public static ImportFormat fromName(String name) {
        for (ImportFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown import format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
