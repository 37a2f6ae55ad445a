package dev.aisle.engine.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement on double-labelled items, each annotator's newest label counting. Kappa compares the
 * first two annotators of each item (double labelling hands an item to exactly two); alpha uses
 * every annotator. NaN where undefined (no double-labelled items, or no variation at all).
 *
 * @param ratedItems      responses rated by two or more annotators
 * @param comparedItems   response pairs judged by two or more annotators (in either order)
 */
public record AgreementReport(int ratedItems, double ratingKappa, double ratingAlpha,
                              int comparedItems, double preferenceKappa, double preferenceAlpha) {

    static AgreementReport of(List<Rating> ratings, List<Preference> preferences) {
        Map<Long, Map<String, Thumb>> byResponse = new LinkedHashMap<>();
        for (Rating r : ratings) {
            Map<String, Thumb> labels = byResponse.computeIfAbsent(r.responseId(), k -> new LinkedHashMap<>());
            labels.put(r.annotator(), r.thumb()); // newest wins, first-labelling order kept
        }
        Map<String, Map<String, Verdict>> byPair = new LinkedHashMap<>();
        for (Preference p : preferences) {
            long lo = Math.min(p.responseA(), p.responseB());
            long hi = Math.max(p.responseA(), p.responseB());
            Verdict v = p.verdict();
            if (p.responseA() != lo) { // the same pair shown the other way round: the same judgement
                v = v == Verdict.A ? Verdict.B : v == Verdict.B ? Verdict.A : v;
            }
            byPair.computeIfAbsent(lo + "," + hi, k -> new LinkedHashMap<>()).put(p.annotator(), v);
        }
        Pairs<Thumb> rated = pairs(byResponse.values());
        Pairs<Verdict> compared = pairs(byPair.values());
        return new AgreementReport(rated.items.size(), Agreement.cohensKappa(rated.first, rated.second),
                Agreement.krippendorffAlpha(rated.items), compared.items.size(),
                Agreement.cohensKappa(compared.first, compared.second), Agreement.krippendorffAlpha(compared.items));
    }

    private record Pairs<T>(List<T> first, List<T> second, List<List<T>> items) {
    }

    private static <T> Pairs<T> pairs(Iterable<Map<String, T>> labelled) {
        Pairs<T> p = new Pairs<>(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Map<String, T> labels : labelled) {
            if (labels.size() < 2) {
                continue;
            }
            List<T> values = new ArrayList<>(labels.values());
            p.first.add(values.get(0));
            p.second.add(values.get(1));
            p.items.add(values);
        }
        return p;
    }
}
