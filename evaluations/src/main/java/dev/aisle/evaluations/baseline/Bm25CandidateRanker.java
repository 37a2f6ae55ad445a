package dev.aisle.evaluations.baseline;

import dev.aisle.evaluations.suite.Candidate;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.RankingSystem;
import dev.aisle.evaluations.system.Configuration;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Orders each product-QA item's candidates by BM25 of the question against the candidate text.
 * Term statistics come from every candidate of the suite, so rare words weigh as they do in the
 * whole file rather than in one question's handful of candidates.
 */
public final class Bm25CandidateRanker implements RankingSystem {

    private final Bm25 stats = new Bm25();

    public Bm25CandidateRanker(Collection<SuiteItem> items) {
        for (SuiteItem item : items) {
            for (Candidate c : item.candidates()) {
                stats.add(item.id() + "/" + c.id(), c.text());
            }
        }
        stats.seal();
    }

    public static Configuration configuration(String name) {
        return new Configuration(name, Map.of("system", "bm25-candidates",
                "k1", Double.toString(Bm25.K1), "b", Double.toString(Bm25.B)));
    }

    @Override
    public List<String> rank(SuiteItem item) {
        if (item.candidates().isEmpty()) {
            throw new IllegalArgumentException("item " + item.id() + " has no candidates: the bm25 candidate ranker "
                    + "runs product-QA suites only (--suite product-qa)");
        }
        Bm25 local = new Bm25();
        for (Candidate c : item.candidates()) {
            local.add(c.id(), c.text());
        }
        local.seal();
        List<String> q = Bm25.terms(item.question());
        // Score with suite-wide idf but the item's own length normalisation.
        List<Candidate> ordered = new java.util.ArrayList<>(item.candidates());
        Map<String, Double> score = new java.util.HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            score.put(ordered.get(i).id(), scoreWithSuiteIdf(q, local, i));
        }
        return ordered.stream()
                .sorted(java.util.Comparator.comparingDouble((Candidate c) -> -score.get(c.id())))
                .map(Candidate::id).toList();
    }

    private double scoreWithSuiteIdf(List<String> q, Bm25 local, int doc) {
        double s = 0;
        for (String t : q) {
            double localScore = local.score(List.of(t), doc);
            if (localScore > 0) {
                s += localScore / local.idf(t) * stats.idf(t);
            }
        }
        return s;
    }
}
