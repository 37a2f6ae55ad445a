package dev.aisle.engine.train.optim;

/**
 * Linear warm-up from 0 to the peak rate, then a cosine decay to {@code minRate} at
 * {@code totalSteps}. Steps count from 1 (the first update uses {@code rate(1)}); after
 * {@code totalSteps} the rate stays at {@code minRate}.
 */
public record LearningRateSchedule(double peakRate, double minRate, int warmupSteps, int totalSteps) {

    public LearningRateSchedule {
        if (!(peakRate > 0)) {
            throw new IllegalArgumentException("peakRate must be > 0, got " + peakRate);
        }
        if (minRate < 0 || minRate > peakRate) {
            throw new IllegalArgumentException("minRate must be in [0, peakRate], got " + minRate);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (totalSteps < 1 || totalSteps < warmupSteps) {
            throw new IllegalArgumentException("totalSteps must be >= max(1, warmupSteps), got " + totalSteps);
        }
    }

    /** The usual shape: warm-up over ~5% of the run (at least 1 step), decay to 10% of the peak. */
    public static LearningRateSchedule standard(double peakRate, int totalSteps) {
        return new LearningRateSchedule(peakRate, peakRate * 0.1, Math.max(1, totalSteps / 20), totalSteps);
    }

    public double rate(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step counts from 1, got " + step);
        }
        if (step <= warmupSteps) {
            return peakRate * step / warmupSteps;
        }
        if (step >= totalSteps) {
            return minRate;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return minRate + (peakRate - minRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
