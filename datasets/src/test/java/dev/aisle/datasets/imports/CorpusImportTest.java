package dev.aisle.datasets.imports;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusManifest;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Relevance;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusImportTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(CorpusImportTest.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        return list.stream().collect(Collectors.toMap(id, x -> x));
    }

    @Test
    void amazonReviewsImportsItemsAndReviewsAndCountsBadLines() throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusImport.Report report = CorpusImport.run(dir, ImportFormat.AMAZON_REVIEWS,
                List.of(fixture("amazon_meta.jsonl"), fixture("amazon_reviews.jsonl")), false);

        assertEquals(2, report.products());
        assertEquals(3, report.reviews());
        assertEquals(1, report.orphanReviews());
        assertEquals(4, report.badLines(), report.problems().toString());
        assertTrue(report.problems().get(0).matches(".*amazon_meta\\.jsonl:3: not valid JSON.*"), report.problems().get(0));
        assertTrue(report.problems().get(1).endsWith("amazon_meta.jsonl:4: 'price' is not a number: 'cheap'"), report.problems().get(1));
        assertTrue(report.problems().stream().anyMatch(p -> p.endsWith("amazon_reviews.jsonl:4: 'rating' must be between 1 and 5, got 7.0")),
                report.problems().toString());

        Corpus corpus = CorpusStore.read(dir);
        Product gloves = byId(corpus.products(), Product::id).get("B0TESTGLV1");
        assertEquals("FrostGrip", gloves.brand());
        assertEquals(24.99, gloves.price());
        assertEquals(4.4, gloves.rating());
        assertEquals(128, gloves.reviewCount());
        assertEquals(List.of("Sports & Outdoors", "Golf", "Gloves"), gloves.categoryPath());
        assertEquals("3.2 ounces", gloves.attribute("Item Weight").orElseThrow().display());
        assertEquals("ounces", gloves.attribute("Item Weight").orElseThrow().unit());
        assertEquals(2, gloves.bullets().size());
        Review first = corpus.reviews().stream().filter(r -> r.text().startsWith("Played at 38F")).findFirst().orElseThrow();
        assertEquals(5, first.stars());
        assertEquals("2020-05-05", first.date());
        assertEquals(3, first.helpfulVotes());
        assertTrue(first.verifiedPurchase());
        assertTrue(corpus.reviews().stream().noneMatch(r -> r.productId().equals("B0UNKNOWN0")));
    }

    @Test
    void strictModeStopsAtTheFirstBadLineAndWritesNothing(@TempDir Path other) throws IOException {
        Path dir = other.resolve("corpus");
        BadLineException e = assertThrows(BadLineException.class, () -> CorpusImport.run(dir, ImportFormat.AMAZON_REVIEWS,
                List.of(fixture("amazon_meta.jsonl")), true));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("amazon_meta.jsonl:3:"), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aFailedImportLeavesTheExistingCorpusUntouched() throws IOException {
        Path dir = tmp.resolve("corpus");
        Corpus generated = new CorpusGenerator(5, CorpusGenerator.Options.small(40)).generate();
        CorpusStore.write(generated, dir, 5L, List.of("generated"));
        byte[] before = Files.readAllBytes(dir.resolve("products.jsonl.gz"));
        assertThrows(BadLineException.class, () -> CorpusImport.run(dir, ImportFormat.ESCI, List.of(fixture("esci.csv")), true));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("products.jsonl.gz")));
        assertEquals(generated.contentHash(), CorpusStore.manifest(dir).contentHash());
    }

    @Test
    void importsMergeIntoAGeneratedCorpus() throws IOException {
        Path dir = tmp.resolve("corpus");
        Corpus generated = new CorpusGenerator(5, CorpusGenerator.Options.small(40)).generate();
        CorpusStore.write(generated, dir, 5L, List.of("generated"));
        CorpusImport.Report report = CorpusImport.run(dir, ImportFormat.AMAZON_REVIEWS,
                List.of(fixture("amazon_meta.jsonl"), fixture("amazon_reviews.jsonl")), false);
        Corpus merged = CorpusStore.read(dir);
        assertEquals(42, merged.products().size());
        assertEquals(generated.reviews().size() + 3, merged.reviews().size());
        assertEquals(generated.evalQuestions(), merged.evalQuestions());
        CorpusManifest m = report.manifest();
        assertEquals(5L, m.seed());
        assertEquals(List.of("generated", "import:amazon-reviews:amazon_meta.jsonl", "import:amazon-reviews:amazon_reviews.jsonl"),
                m.sources());
        // Importing the same files again replaces rather than duplicates.
        CorpusImport.run(dir, ImportFormat.AMAZON_REVIEWS,
                List.of(fixture("amazon_meta.jsonl"), fixture("amazon_reviews.jsonl")), false);
        assertEquals(merged.reviews().size(), CorpusStore.read(dir).reviews().size());
    }

    @Test
    void amazonQaReadsSingleAnswersAnswerListsAndQuestionLists() throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusImport.run(dir, ImportFormat.AMAZON_REVIEWS, List.of(fixture("amazon_meta.jsonl")), false);
        CorpusImport.Report report = CorpusImport.run(dir, ImportFormat.AMAZON_QA, List.of(fixture("amazon_qa.jsonl")), false);
        assertEquals(4, report.questions());
        assertEquals(2, report.badLines(), report.problems().toString());
        assertTrue(report.problems().get(0).endsWith("amazon_qa.jsonl:4: missing 'question'"), report.problems().get(0));
        assertTrue(report.problems().get(1).endsWith("amazon_qa.jsonl:5: 'answers' must be a list"), report.problems().get(1));
        List<QaThread> threads = CorpusStore.read(dir).questions();
        QaThread pair = threads.stream().filter(q -> q.question().startsWith("Are these sold")).findFirst().orElseThrow();
        assertEquals("Yes, you get two gloves.", pair.answers().get(0).text());
        QaThread parts = threads.stream().filter(q -> q.question().startsWith("Are there small")).findFirst().orElseThrow();
        assertEquals(2, parts.answers().size());
        assertEquals(4, parts.answers().get(0).helpfulVotes());
        assertEquals(2, parts.answers().get(1).helpfulVotes());
        QaThread batteries = threads.stream().filter(q -> q.question().startsWith("Does it need")).findFirst().orElseThrow();
        assertFalse(batteries.answered());
    }

    @Test
    void esciJudgmentsFromCsvAndJsonl() throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusImport.Report csv = CorpusImport.run(dir, ImportFormat.ESCI, List.of(fixture("esci.csv")), false);
        assertEquals(2, csv.judgedQueries());
        assertEquals(3, csv.badLines(), csv.problems().toString());
        assertTrue(csv.problems().get(0).endsWith("esci.csv:5: relevance label must be one of E, S, C, I; got 'X'"), csv.problems().get(0));
        assertTrue(csv.problems().get(1).endsWith("esci.csv:6: expected 7 fields, got 4"), csv.problems().get(1));
        assertTrue(csv.problems().get(2).endsWith("esci.csv:7: unterminated quoted field"), csv.problems().get(2));
        CorpusImport.Report jsonl = CorpusImport.run(dir, ImportFormat.ESCI, List.of(fixture("esci.jsonl")), false);
        assertEquals(1, jsonl.badLines());

        Map<String, JudgedQuery> queries = byId(CorpusStore.read(dir).judgedQueries(), JudgedQuery::query);
        JudgedQuery gloves = queries.get("winter golf gloves");
        assertEquals(Split.TRAIN, gloves.split());
        assertEquals(Relevance.EXACT, gloves.judgments().get(0).label());
        assertEquals(Relevance.IRRELEVANT, gloves.judgments().get(1).label());
        JudgedQuery dinos = queries.get("dinosaur toys, for 5 year old");
        assertEquals(Split.HELD_OUT, dinos.split());
        assertEquals(1, dinos.judgments().size());
        assertEquals(Relevance.COMPLEMENT, queries.get("golf gloves for cold weather").judgments().get(1).label());
    }

    @Test
    void dummyJsonProductsWithNestedReviews() throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusImport.Report report = CorpusImport.run(dir, ImportFormat.DUMMYJSON, List.of(fixture("dummyjson.json")), false);
        assertEquals(2, report.products());
        assertEquals(2, report.reviews());
        assertEquals(1, report.badLines());
        assertTrue(report.problems().get(0).endsWith("dummyjson.json:23: product 2 needs a non-negative 'price'"),
                report.problems().get(0));
        Corpus corpus = CorpusStore.read(dir);
        Product mascara = byId(corpus.products(), Product::id).get("DJ-1");
        assertEquals(List.of("Beauty"), mascara.categoryPath());
        assertEquals(9.99, mascara.price());
        assertEquals(10.76, mascara.listPrice());
        assertEquals("Essence", mascara.brand());
        assertEquals(2, mascara.reviewCount());
        assertEquals("Kitchen Accessories", byId(corpus.products(), Product::id).get("DJ-3").category());
        Review unhappy = corpus.reviews().stream().filter(r -> r.stars() == 2).findFirst().orElseThrow();
        assertEquals("2024-05-23", unhappy.date());
        assertEquals("John Doe", unhappy.author());
    }

    @Test
    void brokenJsonKeepsWhatCameBeforeAndNamesTheLine() throws IOException {
        Path dir = tmp.resolve("corpus");
        CorpusImport.Report report = CorpusImport.run(dir, ImportFormat.DUMMYJSON, List.of(fixture("dummyjson_broken.json")), false);
        assertEquals(1, report.products());
        assertEquals(1, report.badLines());
        assertTrue(report.problems().get(0).contains("dummyjson_broken.json:3: not valid JSON"), report.problems().get(0));
    }

    @Test
    void gzippedFilesImportLikePlainOnes() throws IOException {
        Path gz = tmp.resolve("esci.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("esci.jsonl")));
        }
        CorpusImport.Report report = CorpusImport.run(tmp.resolve("corpus"), ImportFormat.ESCI, List.of(gz), false);
        assertEquals(1, report.judgedQueries());
        assertEquals(1, report.badLines());
        assertTrue(report.problems().get(0).endsWith("esci.jsonl.gz:3: relevance label must be one of E, S, C, I; got ''"),
                report.problems().get(0));
    }

    @Test
    void unknownFormatsAndMissingFilesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImportFormat.fromName("parquet"));
        assertTrue(e.getMessage().contains("amazon-reviews, amazon-qa, esci, dummyjson"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> CorpusImport.run(tmp.resolve("c"), ImportFormat.ESCI,
                List.of(tmp.resolve("nope.csv")), false));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
    }
}
