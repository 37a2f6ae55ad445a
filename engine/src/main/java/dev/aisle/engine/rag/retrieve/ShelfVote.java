package dev.aisle.engine.rag.retrieve;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.rag.analysis.CatalogueLexicon;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A second opinion on the shelf, from the dense side. A category phrase learned from two or three training
 * queries can name the wrong shelf ("head torch" → Bed Pillows, "study light … warm and cool" → Thermal Base
 * Layers), and as a hard filter a wrong shelf loses every Exact product. The question's nearest product
 * pages in the vector space, searched without the category filter (price and age still apply), know what
 * kind of product the words describe even when no word of them is a category name; when none of the
 * nearest {@link Rule#top()} products sits under the named categories and at least {@link Rule#minVotes()}
 * of them share one shelf, that shelf replaces the guess.
 *
 * <p>Only guesses are open to the vote: categories read from learned shopper phrases seen in few training
 * queries ({@link Rule#maxSupport()}; learned from three quarters of TRAIN and scored on the rest, a vote on
 * every shopper-phrase category broke about as many queries as it mended, while on those whose phrase was
 * seen in only two queries it mended twice as many as it broke) and, if the rule says
 * so, departments or aisles named in the catalogue's words ("at home" is the Home department, not yoga
 * mats). A shelf named in the catalogue's own words, a question about given products and a follow-up stay
 * as they are. The keyword list does not vote: on the TRAIN queries its nearest pages named the right shelf
 * for a wrong or missing category far less often than the dense ones (its words are the shopper's, the
 * same words that misled the learned phrase). Thread-safe.
 */
public final class ShelfVote {

    /**
     * When the vote overrules.
     *
     * @param top            nearest product pages that vote
     * @param minVotes       votes the leading shelf needs among them
     * @param overruleAisles whether a department or aisle named in the catalogue's words is open to the vote
     * @param fillMissing    whether a question that names no category gets the leading shelf as its filter
     * @param maxSupport     a shopper-phrase category is open to the vote only when its phrase was seen in at most
     *                       this many training queries: the phrases learned from the fewest queries are the ones
     *                       that name wrong shelves, and a phrase seen often is more often right than the neighbours
     */
    public record Rule(int top, int minVotes, boolean overruleAisles, boolean fillMissing, int maxSupport) {
        /** Every shopper-phrase category open to the vote, however often its phrase was seen. */
        public Rule(int top, int minVotes, boolean overruleAisles, boolean fillMissing) {
            this(top, minVotes, overruleAisles, fillMissing, Integer.MAX_VALUE);
        }

        public Rule {
            if (top < 1) {
                throw new IllegalArgumentException("shelf vote needs at least one voter, got top " + top);
            }
            if (minVotes < 1 || minVotes > top) {
                throw new IllegalArgumentException("shelf vote's minVotes must be in 1.." + top + ", got " + minVotes);
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "vote %d/%d%s%s%s", minVotes, top, overruleAisles ? " +aisles" : "",
                    fillMissing ? " +missing" : "", maxSupport == Integer.MAX_VALUE ? "" : " support≤" + maxSupport);
        }
    }

    /**
     * The vote's outcome: {@code shelf} replaces {@code overruled} (empty when the question named no category).
     *
     * @param votes of the {@code voters} nearest product pages, how many sit on {@code shelf}
     */
    public record Decision(String shelf, int votes, int voters, List<String> overruled) {
        public Decision {
            overruled = List.copyOf(overruled);
        }

        /** For the trace's filter list. */
        public String clause() {
            return String.format(Locale.ROOT, "shelf vote: %d of the %d nearest product pages are %s%s", votes, voters, shelf,
                    overruled.isEmpty() ? "" : ", none " + overruled);
        }
    }

    private final CatalogueLexicon lexicon;
    private final Rule rule;

    public ShelfVote(CatalogueLexicon lexicon, Rule rule) {
        if (lexicon == null || rule == null) {
            throw new IllegalArgumentException("shelf vote needs a lexicon and a rule, got " + lexicon + ", " + rule);
        }
        this.lexicon = lexicon;
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** Whether the question's categories are a guess the vote may overrule (or missing, when the rule fills them). */
    public boolean applies(QuestionAnalysis analysis) {
        if (!analysis.referencedProductIds().isEmpty() || analysis.followUp()) {
            return false;
        }
        List<String> categories = analysis.constraints().categories();
        if (categories.isEmpty()) {
            return rule.fillMissing();
        }
        return analysis.shopperCategories().values().stream().anyMatch(support -> support <= rule.maxSupport())
                || rule.overruleAisles() && categories.stream().noneMatch(lexicon::isLeaf);
    }

    /**
     * The vote of the nearest product pages (best first), searched without the category filter.
     *
     * @return the shelf that replaces the question's categories, or empty when they stand
     */
    public Optional<Decision> decide(QuestionAnalysis analysis, List<String> nearestProducts) {
        List<String> named = analysis.constraints().categories();
        Map<String, Integer> votes = new HashMap<>();
        int voters = 0;
        for (String id : nearestProducts.subList(0, Math.min(rule.top(), nearestProducts.size()))) {
            Product p = lexicon.product(id);
            if (p == null) {
                continue;
            }
            if (named.stream().anyMatch(p.categoryPath()::contains)) {
                // One neighbour under a named category is enough to keep it: the guess may well be right.
                return Optional.empty();
            }
            voters++;
            votes.merge(p.category(), 1, Integer::sum);
        }
        Optional<Map.Entry<String, Integer>> lead = votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed()));
        if (lead.isEmpty() || lead.get().getValue() < rule.minVotes()) {
            return Optional.empty();
        }
        return Optional.of(new Decision(lead.get().getKey(), lead.get().getValue(), voters, named));
    }

    /** The question as the vote reads it: the winning shelf as its category, its wishes read again for that shelf. */
    public QuestionAnalysis revise(QuestionAnalysis analysis, Decision decision) {
        List<String> shelf = List.of(decision.shelf());
        return analysis.withCategories(shelf, lexicon.wishPhrases().read(analysis.searchText(), shelf));
    }
}
