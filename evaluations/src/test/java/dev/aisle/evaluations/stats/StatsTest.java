package dev.aisle.evaluations.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void percentilesInterpolate() {
        double[] xs = {4, 1, 3, 2};
        assertEquals(2.5, Summary.percentile(xs, 0.5), 1e-12);
        assertEquals(1.0, Summary.percentile(xs, 0), 1e-12);
        assertEquals(4.0, Summary.percentile(xs, 1), 1e-12);
        assertEquals(3.7, Summary.percentile(xs, 0.9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Summary.percentile(new double[0], 0.5));
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        double[] xs = new double[50];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble();
        }
        Interval a = new Bootstrap(11, 500).mean(xs);
        Interval b = new Bootstrap(11, 500).mean(xs);
        Interval c = new Bootstrap(12, 500).mean(xs);
        assertEquals(a, b);
        assertNotEquals(a.low(), c.low());
        assertTrue(a.low() < a.estimate() && a.estimate() < a.high());
        // The standard error of a mean of 50 uniforms is about 0.041: the interval is near ±0.08.
        assertEquals(0.16, a.high() - a.low(), 0.05);
    }

    @Test
    void pairedComparisonFindsAConstantImprovementAndNoiseAsNoDifference() {
        Map<String, Map<String, Double>> a = new LinkedHashMap<>();
        Map<String, Map<String, Double>> b = new LinkedHashMap<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            double base = r.nextDouble();
            double noise = r.nextDouble() - 0.5;
            a.put("q" + i, Map.of("ndcg@10", base, "e2e_ms", 100 + noise));
            b.put("q" + i, Map.of("ndcg@10", base + 0.1, "e2e_ms", 100 - noise));
        }
        b.get("q0");
        a.put("only-a", Map.of("ndcg@10", 0.0));
        Map<String, Boolean> dir = new LinkedHashMap<>();
        dir.put("ndcg@10", true);
        dir.put("e2e_ms", false);
        dir.put("mrr", true);
        List<MetricDifference> d = PairedComparison.compare(a, b, dir, new Bootstrap(1, 1000));
        assertEquals(2, d.size(), "mrr is defined nowhere and is left out");
        MetricDifference ndcg = d.get(0);
        assertEquals(60, ndcg.n(), "the item only A ran is not paired");
        assertEquals(0.1, ndcg.difference().estimate(), 1e-9);
        assertEquals(0.1, ndcg.difference().low(), 1e-9);
        assertEquals("B better", ndcg.verdict());
        MetricDifference speed = d.get(1);
        assertTrue(speed.difference().low() < 0 && speed.difference().high() > 0);
        assertEquals("no clear difference", speed.verdict());
    }

    @Test
    void lowerIsBetterFlipsTheVerdict() {
        MetricDifference faster = new MetricDifference("e2e_ms", false, 10, 100, 80, new Interval(-20, -25, -15));
        assertEquals("B better", faster.verdict());
        MetricDifference worse = new MetricDifference("groundedness", true, 10, 0.9, 0.8, new Interval(-0.1, -0.15, -0.05));
        assertEquals("A better", worse.verdict());
    }

    @Test
    void winRatesCountTiesAsHalf() {
        List<Preference> p = List.of(
                new Preference("1", "base", "dpo", Preference.Outcome.B),
                new Preference("2", "base", "dpo", Preference.Outcome.B),
                new Preference("3", "dpo", "base", Preference.Outcome.B),
                new Preference("4", "base", "dpo", Preference.Outcome.TIE));
        List<WinRates.HeadToHead> h = WinRates.headToHead(p, new Bootstrap(1, 200));
        assertEquals(1, h.size());
        WinRates.HeadToHead x = h.get(0);
        assertEquals("base", x.first());
        assertEquals(1, x.firstWins());
        assertEquals(2, x.secondWins());
        assertEquals(1, x.ties());
        assertEquals((1 + 0.5) / 4, x.firstWinRate().estimate(), 1e-12);
        List<WinRates.Overall> o = WinRates.overall(p, new Bootstrap(1, 200));
        assertEquals(2.5 / 4, o.get(1).winRate().estimate(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Preference("x", "a", "a", Preference.Outcome.A));
        assertThrows(IllegalArgumentException.class, () -> Preference.Outcome.parse("maybe"));
    }

    @Test
    void bradleyTerryRecoversKnownStrengths() {
        // Four systems with strengths 1, 2, 4, 8: each doubles the odds of the one before.
        String[] names = {"s1", "s2", "s4", "s8"};
        double[] strength = {1, 2, 4, 8};
        SplittableRandom r = new SplittableRandom(2024);
        List<Preference> prefs = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            int i = r.nextInt(4);
            int j = (i + 1 + r.nextInt(3)) % 4;
            boolean iWins = r.nextDouble() < strength[i] / (strength[i] + strength[j]);
            prefs.add(new Preference("q" + n, names[i], names[j], iWins ? Preference.Outcome.A : Preference.Outcome.B));
        }
        List<BradleyTerry.Score> scores = BradleyTerry.fit(prefs, new Bootstrap(5, 200));
        double meanLog = 0;
        for (double s : strength) {
            meanLog += Math.log(s) / 4;
        }
        for (int k = 0; k < 4; k++) {
            BradleyTerry.Score s = scores.get(k);
            assertEquals(names[k], s.system());
            double truth = Math.log(strength[k]) - meanLog;
            assertEquals(truth, s.theta().estimate(), 0.12, "theta of " + names[k]);
            assertTrue(s.theta().low() < truth + 0.05 && truth - 0.05 < s.theta().high(), "interval of " + names[k] + " " + s.theta());
        }
        assertEquals(8.0 / 9, BradleyTerry.winProbability(Math.log(8), Math.log(1)), 1e-12);
    }

    @Test
    void bradleyTerryStaysFiniteWhenOneSystemNeverWins() {
        List<Preference> prefs = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            prefs.add(new Preference("q" + n, "good", "bad", Preference.Outcome.A));
        }
        double[] theta = BradleyTerry.logStrengths(List.of("bad", "good"), prefs);
        assertTrue(Double.isFinite(theta[0]) && theta[1] > theta[0]);
        // 20.5 wins to 0.5: strength ratio 41 under the one virtual tie.
        assertEquals(Math.log(41), theta[1] - theta[0], 1e-6);
    }
}
