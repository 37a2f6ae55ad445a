package dev.aisle.evaluations.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Bradley–Terry strengths from pairwise preferences: P(i preferred over j) = p_i / (p_i + p_j).
 * Fitted by the MM algorithm (Hunter 2004): p_i ← W_i / Σ_j n_ij / (p_i + p_j), where W_i counts
 * i's wins (a tie or "both bad" is half a win for each) and n_ij the comparisons of i and j.
 * One virtual tie between every pair of systems keeps strengths finite when a system never wins.
 * Scores are reported as θ_i = ln p_i centred to mean 0, with bootstrap 95% intervals over the
 * preferences.
 */
public final class BradleyTerry {

    /** A system's fitted log-strength and its interval. */
    public record Score(String system, Interval theta) {
    }

    static final int MAX_ITERATIONS = 10_000;
    static final double TOLERANCE = 1e-10;

    private BradleyTerry() {
    }

    public static List<Score> fit(List<Preference> prefs, Bootstrap bootstrap) {
        if (prefs.isEmpty()) {
            throw new IllegalArgumentException("Bradley–Terry needs at least one preference");
        }
        List<String> systems = new ArrayList<>(systemsOf(prefs));
        Interval[] theta = bootstrap.ofVector(prefs.size(), idx -> {
            List<Preference> sample = new ArrayList<>(idx.length);
            for (int i : idx) {
                sample.add(prefs.get(i));
            }
            return logStrengths(systems, sample);
        });
        List<Score> out = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            out.add(new Score(systems.get(i), theta[i]));
        }
        return out;
    }

    static TreeSet<String> systemsOf(List<Preference> prefs) {
        TreeSet<String> s = new TreeSet<>();
        prefs.forEach(p -> {
            s.add(p.systemA());
            s.add(p.systemB());
        });
        return s;
    }

    /** Centred log-strengths of {@code systems} (in that order) fitted to {@code prefs}. */
    public static double[] logStrengths(List<String> systems, List<Preference> prefs) {
        int k = systems.size();
        double[][] n = new double[k][k];
        double[] wins = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    n[i][j] = 1;
                }
            }
            wins[i] = 0.5 * (k - 1);
        }
        for (Preference p : prefs) {
            int a = systems.indexOf(p.systemA());
            int b = systems.indexOf(p.systemB());
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException("preference names a system not in " + systems + ": " + p);
            }
            n[a][b]++;
            n[b][a]++;
            wins[a] += p.scoreOf(p.systemA());
            wins[b] += p.scoreOf(p.systemB());
        }
        double[] s = new double[k];
        java.util.Arrays.fill(s, 1.0);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                double denom = 0;
                for (int j = 0; j < k; j++) {
                    if (j != i) {
                        denom += n[i][j] / (s[i] + s[j]);
                    }
                }
                next[i] = wins[i] / denom;
            }
            double logMean = 0;
            for (double v : next) {
                logMean += Math.log(v);
            }
            logMean /= k;
            double change = 0;
            for (int i = 0; i < k; i++) {
                next[i] /= Math.exp(logMean);
                change = Math.max(change, Math.abs(next[i] - s[i]) / s[i]);
            }
            s = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] theta = new double[k];
        for (int i = 0; i < k; i++) {
            theta[i] = Math.log(s[i]);
        }
        return theta;
    }

    /** P(i preferred over j) from two log-strengths. */
    public static double winProbability(double thetaI, double thetaJ) {
        return 1.0 / (1.0 + Math.exp(thetaJ - thetaI));
    }
}
