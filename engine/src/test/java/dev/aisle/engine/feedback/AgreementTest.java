package dev.aisle.engine.feedback;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agreement figures against values worked out by hand. */
class AgreementTest {

    private static List<String> repeat(String label, int times) {
        return new ArrayList<>(Collections.nCopies(times, label));
    }

    @Test
    void cohensKappaOfTheTextbookTable() {
        // 50 items: both yes 20, first yes/second no 5, first no/second yes 10, both no 15.
        // po = 35/50 = 0.7; first says yes 25/50, second 30/50: pe = .5*.6 + .5*.4 = .5; kappa = .2/.5 = 0.4
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        first.addAll(repeat("yes", 20)); second.addAll(repeat("yes", 20));
        first.addAll(repeat("yes", 5)); second.addAll(repeat("no", 5));
        first.addAll(repeat("no", 10)); second.addAll(repeat("yes", 10));
        first.addAll(repeat("no", 15)); second.addAll(repeat("no", 15));
        assertEquals(0.4, Agreement.cohensKappa(first, second), 1e-12);
    }

    @Test
    void kappaIsOneForPerfectAgreementAndNegativeBelowChance() {
        assertEquals(1.0, Agreement.cohensKappa(List.of("a", "b", "c"), List.of("a", "b", "c")), 1e-12);
        // always opposite on two balanced categories: po = 0, pe = .5 -> -1
        assertEquals(-1.0, Agreement.cohensKappa(List.of("a", "b", "a", "b"), List.of("b", "a", "b", "a")), 1e-12);
        assertTrue(Double.isNaN(Agreement.cohensKappa(List.of(), List.of())));
        assertTrue(Double.isNaN(Agreement.cohensKappa(List.of("a", "a"), List.of("a", "a"))));
        assertThrows(IllegalArgumentException.class, () -> Agreement.cohensKappa(List.of("a"), List.of()));
    }

    @Test
    void krippendorffAlphaWithTwoAnnotators() {
        // items [a,a] [a,b] [b,b] [a,a]: o_aa = 4, o_bb = 2, o_ab = o_ba = 1; n_a = 5, n_b = 3, n = 8
        // alpha = 1 - (n-1) * 2 / (n^2 - 25 - 9) = 1 - 14/30 = 16/30
        double alpha = Agreement.krippendorffAlpha(List.of(List.of("a", "a"), List.of("a", "b"), List.of("b", "b"),
                List.of("a", "a")));
        assertEquals(16.0 / 30.0, alpha, 1e-12);
    }

    @Test
    void krippendorffAlphaWithThreeAnnotatorsAndMissingLabels() {
        // [a,a,b] adds o_aa = 1, o_ab = o_ba = 1 (weights 1/(3-1)); [b,b] adds o_bb = 2; [a] is ignored.
        // n_a = 2, n_b = 3, n = 5: alpha = 1 - 4 * 2 / (25 - 4 - 9) = 1 - 8/12 = 1/3
        double alpha = Agreement.krippendorffAlpha(List.of(List.of("a", "a", "b"), List.of("b", "b"), List.of("a")));
        assertEquals(1.0 / 3.0, alpha, 1e-12);
        assertTrue(Double.isNaN(Agreement.krippendorffAlpha(List.of(List.of("a")))));
    }
}
