package dev.aisle.datasets.generate;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.corpus.ContentHash;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.shelf.CategorySpec;
import dev.aisle.datasets.generate.shelf.Shelves;
import dev.aisle.datasets.generate.shelf.ShopperPhrases;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Judgment;
import dev.aisle.datasets.judgments.Relevance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judged queries read like shoppers' searches and judge every product of their category. */
class JudgedQueriesTest {

    private static final long SEED = 11;
    private static Corpus corpus;
    private static Map<String, Product> byId;
    private static Map<String, CategorySpec> specs;

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(SEED, new CorpusGenerator.Options(900, 3, 0.5, 300, 4, 0.3)).generate();
        byId = corpus.products().stream().collect(Collectors.toMap(Product::id, p -> p));
        specs = Shelves.categories().stream().collect(Collectors.toMap(CategorySpec::leaf, s -> s));
    }

    static Set<String> words(String text) {
        return ShopperPhrases.words(text);
    }

    static Set<String> categoryWords(CategorySpec spec) {
        return ShopperPhrases.categoryWords(spec);
    }

    private static String leafOf(JudgedQuery q) {
        return q.judgments().stream().filter(j -> j.label() == Relevance.EXACT)
                .map(j -> byId.get(j.productId()).category()).findFirst().orElseThrow();
    }

    @Test
    void everyNeedTemplateAvoidsEveryWordOfItsCategoryInEveryAlternative() {
        List<String> leaks = new ArrayList<>();
        for (CategorySpec spec : Shelves.categories()) {
            assertTrue(!ShopperPhrases.needs(spec.leaf()).isEmpty(), spec.leaf() + " has no shopper phrases");
            Set<String> forbidden = categoryWords(spec);
            for (String template : ShopperPhrases.needs(spec.leaf())) {
                // Brackets and bars removed, every alternative's words are checked at once.
                Set<String> shared = words(template.replaceAll("[\\[\\]|]", " "));
                shared.retainAll(forbidden);
                if (!shared.isEmpty()) {
                    leaks.add(spec.leaf() + ": '" + template + "' uses " + shared);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void aThirdOrMoreOfTheQueriesShareNoWordWithTheirCategory() {
        int paraphrases = 0;
        List<String> examples = new ArrayList<>();
        for (JudgedQuery q : corpus.judgedQueries()) {
            if (ShopperPhrases.paraphrases(q.query(), specs.get(leafOf(q)))) {
                paraphrases++;
                if (examples.size() < 3) {
                    examples.add(q.query());
                }
            }
        }
        double share = (double) paraphrases / corpus.judgedQueries().size();
        assertTrue(share >= 0.35, "only " + paraphrases + " of " + corpus.judgedQueries().size()
                + " queries avoid their category's words, e.g. " + examples);
        assertTrue(share <= 0.65, "keyword queries must stay too: " + paraphrases + " of " + corpus.judgedQueries().size());
    }

    @Test
    void everyProductOfTheQueriedCategoryIsJudgedExactOrSubstitute() {
        Map<String, List<String>> byLeaf = new HashMap<>();
        corpus.products().forEach(p -> byLeaf.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p.id()));
        int partial = 0;
        for (JudgedQuery q : corpus.judgedQueries()) {
            String leaf = leafOf(q);
            Map<String, Relevance> labels = new HashMap<>();
            for (Judgment j : q.judgments()) {
                labels.put(j.productId(), j.label());
                if (j.label() == Relevance.EXACT) {
                    assertEquals(leaf, byId.get(j.productId()).category(), q.query());
                }
            }
            assertEquals(q.judgments().size(), labels.size(), q.query() + " judges a product twice");
            for (String id : byLeaf.get(leaf)) {
                Relevance r = labels.get(id);
                assertTrue(r == Relevance.EXACT || r == Relevance.SUBSTITUTE, q.query() + ": " + id + " of " + leaf + " is " + r);
                if (r == Relevance.SUBSTITUTE) {
                    partial++;
                }
            }
        }
        assertTrue(partial > 0, "queries with wishes must leave some products of their category only partly fitting");
    }

    @Test
    void aParaphrasedWishJudgesOnlyTheProductsThatFulfilItExact() {
        // "that can handle a downpour" on a shelf with a waterproof attribute: only waterproof products are exact.
        Set<String> dry = Set.of("downpour", "keeps the rain out", "stays dry inside", "soggy wet days");
        int checked = 0;
        for (JudgedQuery q : corpus.judgedQueries()) {
            if (dry.stream().noneMatch(q.query()::contains)) {
                continue;
            }
            boolean sawOther = false;
            int exact = 0;
            for (Judgment j : q.judgments()) {
                Product p = byId.get(j.productId());
                if (!p.category().equals(leafOf(q)) || p.attribute("waterproof").isEmpty()) {
                    continue;
                }
                boolean waterproof = p.attribute("waterproof").orElseThrow().value().equals("yes");
                if (j.label() == Relevance.EXACT) {
                    assertTrue(waterproof, q.query() + ": " + p.id() + " is not waterproof but judged exact");
                    exact++;
                } else if (!waterproof) {
                    sawOther = true;
                }
            }
            assertTrue(exact == 0 || sawOther, q.query() + ": no product of the shelf breaks the wish");
            checked += exact;
        }
        assertTrue(checked > 0, "no query with a paraphrased waterproof wish was drawn");
    }

    @Test
    void misspellingChangesOneLongWordByOneEdit() {
        Rng rng = new Rng(3);
        for (int n = 0; n < 50; n++) {
            String typo = QueryJudge.misspell("winter golf gloves under 40", rng);
            assertNotEquals("winter golf gloves under 40", typo);
            String[] a = "winter golf gloves under 40".split(" ");
            String[] b = typo.split(" ");
            int changed = 0;
            for (int i = 0; i < a.length; i++) {
                if (!a[i].equals(b[i])) {
                    changed++;
                    assertTrue(a[i].length() >= 5 && Math.abs(a[i].length() - b[i].length()) <= 1, typo);
                }
            }
            assertEquals(1, changed, typo);
        }
    }

    @Test
    void judgedQueriesChangeNoOtherFileOfTheCorpus() {
        CorpusGenerator.Options with = new CorpusGenerator.Options(300, 3, 1, 80, 4, 0.3);
        CorpusGenerator.Options without = new CorpusGenerator.Options(300, 3, 1, 0, 4, 0.3);
        Corpus a = new CorpusGenerator(5, with).generate();
        Corpus b = new CorpusGenerator(5, without).generate();
        assertEquals(80, a.judgedQueries().size());
        assertEquals(0, b.judgedQueries().size());
        assertEquals(b.products(), a.products());
        assertEquals(b.reviews(), a.reviews());
        assertEquals(b.questions(), a.questions());
        assertEquals(b.guides(), a.guides());
        assertEquals(b.evalQuestions(), a.evalQuestions());
        assertEquals(b.trainingHash(), a.trainingHash(), "the training hash leaves the judged queries out");
        assertNotEquals(b.contentHash(), a.contentHash(), "the content hash covers them");
        assertEquals(ContentHash.both(a), new ContentHash.Hashes(a.contentHash(), a.trainingHash()));
        // Recorded in session 4: the training files of this small corpus. A change here means the generator
        // changed products, reviews, Q&A, guides or eval questions, and the shipped model's lineage with them.
        assertEquals(SMALL_TRAINING_HASH, a.trainingHash());
    }

    static final String SMALL_TRAINING_HASH = "sha256:cf8073581eee14fc7588bb54bc9b9ed1ef339a596c6083f886220882d37d7957";
}
