package dev.aisle.evaluations.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Win rates from pairwise preferences. The win rate of X over Y is the mean over their
 * comparisons of 1 (X preferred), 0 (Y preferred) or 0.5 (tie or both bad), with a bootstrap 95%
 * interval over those comparisons.
 */
public final class WinRates {

    /** Head-to-head of two systems, {@code first} before {@code second} in name order. */
    public record HeadToHead(String first, String second, int comparisons, int firstWins, int secondWins,
                             int ties, int bothBad, Interval firstWinRate) {
    }

    /** One system against all others pooled. */
    public record Overall(String system, int comparisons, Interval winRate) {
    }

    private WinRates() {
    }

    public static List<HeadToHead> headToHead(List<Preference> prefs, Bootstrap bootstrap) {
        Map<String, List<Preference>> byPair = new TreeMap<>();
        for (Preference p : prefs) {
            String x = p.systemA().compareTo(p.systemB()) < 0 ? p.systemA() : p.systemB();
            String y = x.equals(p.systemA()) ? p.systemB() : p.systemA();
            byPair.computeIfAbsent(x + "\u0000" + y, k -> new ArrayList<>()).add(p);
        }
        List<HeadToHead> out = new ArrayList<>();
        for (Map.Entry<String, List<Preference>> e : byPair.entrySet()) {
            String[] xy = e.getKey().split("\u0000");
            List<Preference> ps = e.getValue();
            int xw = 0, yw = 0, ties = 0, bad = 0;
            double[] scores = new double[ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                Preference p = ps.get(i);
                scores[i] = p.scoreOf(xy[0]);
                switch (p.outcome()) {
                    case TIE -> ties++;
                    case BOTH_BAD -> bad++;
                    default -> {
                        if (scores[i] == 1) {
                            xw++;
                        } else {
                            yw++;
                        }
                    }
                }
            }
            out.add(new HeadToHead(xy[0], xy[1], ps.size(), xw, yw, ties, bad, bootstrap.mean(scores)));
        }
        return out;
    }

    public static List<Overall> overall(List<Preference> prefs, Bootstrap bootstrap) {
        TreeSet<String> systems = new TreeSet<>();
        prefs.forEach(p -> {
            systems.add(p.systemA());
            systems.add(p.systemB());
        });
        List<Overall> out = new ArrayList<>();
        for (String s : systems) {
            double[] scores = prefs.stream().filter(p -> p.systemA().equals(s) || p.systemB().equals(s))
                    .mapToDouble(p -> p.scoreOf(s)).toArray();
            out.add(new Overall(s, scores.length, bootstrap.mean(scores)));
        }
        return out;
    }
}
