package dev.aisle.datasets.generate;

import dev.aisle.datasets.judgments.Split;

/**
 * Deals evaluation items into train and held-out parts from the seeded stream. The first two of
 * every stream go one to each side, so even a tiny corpus has both splits of every intent.
 */
final class Splitter {

    private final double heldOutShare;
    private int dealt;

    Splitter(double heldOutShare) {
        if (heldOutShare <= 0 || heldOutShare >= 1) {
            throw new IllegalArgumentException("heldOutShare must be in (0, 1), got " + heldOutShare);
        }
        this.heldOutShare = heldOutShare;
    }

    Split next(Rng rng) {
        int n = dealt++;
        if (n < 2) {
            return n == 0 ? Split.TRAIN : Split.HELD_OUT;
        }
        return rng.chance(heldOutShare) ? Split.HELD_OUT : Split.TRAIN;
    }
}
