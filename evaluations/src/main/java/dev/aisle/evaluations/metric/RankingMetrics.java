package dev.aisle.evaluations.metric;

import dev.aisle.evaluations.suite.GradedJudgment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** recall@k, MRR and nDCG@k over a ranked list of ids and graded judgments. */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static Metric recallAt(int k) {
        requirePositive(k);
        return new SimpleMetric("recall@" + k, Metric.Group.RETRIEVAL, true,
                "Share of the item's relevant documents (grade >= " + GradedJudgment.RELEVANT_GAIN
                        + ": Exact judged-query products, product-QA label 2) among the first " + k
                        + " ranked ids, the denominator capped at " + k + ": |relevant ∩ top-" + k + "| / min(" + k
                        + ", |relevant|), so a query with 60 fitting products scores 1 when its top " + k
                        + " are all fitting. Undefined when the item has no relevant judgment.",
                o -> recall(o.answer().rankedIds(), o.item().judgments(), k));
    }

    public static Metric mrr() {
        return new SimpleMetric("mrr", Metric.Group.RETRIEVAL, true,
                "Reciprocal rank of the first relevant document (grade >= " + GradedJudgment.RELEVANT_GAIN
                        + ") in the whole ranked list: 1/rank, 0 when none is ranked. Undefined when the item has no relevant judgment.",
                o -> reciprocalRank(o.answer().rankedIds(), o.item().judgments()));
    }

    public static Metric ndcgAt(int k) {
        requirePositive(k);
        return new SimpleMetric("ndcg@" + k, Metric.Group.RETRIEVAL, true,
                "DCG@" + k + " / IDCG@" + k + " with linear gains (judged queries: Exact 2, Substitute 1, Complement and Irrelevant 0; "
                        + "product-QA labels 0–2): "
                        + "DCG@k = Σ_{i=1..k} gain(d_i) / log2(i+1) over the ranked ids (unjudged ids gain 0, repeated ids count once); "
                        + "IDCG@k is the same sum over all judgments sorted by gain. Undefined when no judgment has gain > 0.",
                o -> ndcg(o.answer().rankedIds(), o.item().judgments(), k));
    }

    /**
     * The same metric on the condensed list: unjudged ids removed from the ranking first, for suites
     * whose judgments sample the relevant set (imported ESCI-style files). The generated corpus judges
     * every product of a query's category, so there the plain metric is the one to read.
     */
    public static Metric judgedOnly(Metric base) {
        if (base.group() != Metric.Group.RETRIEVAL) {
            throw new IllegalArgumentException("judged-only variants exist for retrieval metrics, not " + base.name());
        }
        return new SimpleMetric(base.name() + "_judged", Metric.Group.RETRIEVAL, true,
                "`" + base.name() + "` on the condensed list: the ranked ids with every id that has no judgment removed "
                        + "(order kept), for judgments that sample the relevant set (imported files; the generated corpus judges "
                        + "every product of the queried category). Undefined when `" + base.name() + "` is.",
                o -> base.score(new Observation(o.item(), condensed(o), o.catalogue())));
    }

    private static dev.aisle.evaluations.system.SystemAnswer condensed(Observation o) {
        Set<String> judged = new HashSet<>();
        o.item().judgments().forEach(j -> judged.add(j.docId()));
        List<String> kept = o.answer().rankedIds().stream().filter(judged::contains).toList();
        var a = o.answer();
        return new dev.aisle.evaluations.system.SystemAnswer(a.answerText(), a.evidence(), kept, a.ttftMs(), a.e2eMs(), a.markup());
    }

    private static void requirePositive(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
    }

    public static OptionalDouble recall(List<String> ranked, List<GradedJudgment> judgments, int k) {
        Set<String> relevant = new HashSet<>();
        judgments.stream().filter(GradedJudgment::relevant).forEach(j -> relevant.add(j.docId()));
        if (relevant.isEmpty()) {
            return OptionalDouble.empty();
        }
        Set<String> found = new HashSet<>();
        List<String> list = dedupe(ranked);
        for (String id : list.subList(0, Math.min(k, list.size()))) {
            if (relevant.contains(id)) {
                found.add(id);
            }
        }
        return OptionalDouble.of((double) found.size() / Math.min(k, relevant.size()));
    }

    public static OptionalDouble reciprocalRank(List<String> ranked, List<GradedJudgment> judgments) {
        Set<String> relevant = new HashSet<>();
        judgments.stream().filter(GradedJudgment::relevant).forEach(j -> relevant.add(j.docId()));
        if (relevant.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<String> list = dedupe(ranked);
        for (int i = 0; i < list.size(); i++) {
            if (relevant.contains(list.get(i))) {
                return OptionalDouble.of(1.0 / (i + 1));
            }
        }
        return OptionalDouble.of(0);
    }

    public static OptionalDouble ndcg(List<String> ranked, List<GradedJudgment> judgments, int k) {
        Map<String, Integer> gain = new HashMap<>();
        judgments.forEach(j -> gain.merge(j.docId(), j.gain(), Math::max));
        List<Integer> ideal = new ArrayList<>(gain.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        if (idcg == 0) {
            return OptionalDouble.empty();
        }
        List<String> list = dedupe(ranked);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, list.size()); i++) {
            dcg += gain.getOrDefault(list.get(i), 0) / log2(i + 2);
        }
        return OptionalDouble.of(dcg / idcg);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** A ranker that returns an id twice must not be credited twice. */
    private static List<String> dedupe(List<String> ranked) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(ranked));
    }
}
