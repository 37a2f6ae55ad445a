package dev.aisle.evaluations.metric;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RougeLTest {

    @Test
    void byHand() {
        // LCS(the cat sat on the mat, the cat is on the mat) = the cat on the mat = 5; P = R = 5/6.
        assertEquals(5.0 / 6, RougeL.f1("The cat sat on the mat.", "the cat is on the mat"), 1e-12);
        // LCS(a b c d, b d e) = 2; P = 2/4, R = 2/3, F = 2PR/(P+R) = 4/7.
        assertEquals(4.0 / 7, RougeL.f1(List.of("a", "b", "c", "d"), List.of("b", "d", "e")), 1e-12);
    }

    @Test
    void edgeCases() {
        assertEquals(1.0, RougeL.f1("4 mm drop", "4 mm drop"), 1e-12);
        assertEquals(0.0, RougeL.f1("", "anything"), 1e-12);
        assertEquals(0.0, RougeL.f1("x y", "a b"), 1e-12);
        assertEquals(3, RougeL.lcs(List.of("a", "x", "b", "y", "c"), List.of("a", "b", "c")));
    }
}
