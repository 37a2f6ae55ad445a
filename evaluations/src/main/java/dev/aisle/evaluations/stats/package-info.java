/**
 * Statistics over per-item results: seeded percentile bootstrap, paired comparison of two
 * configurations, and pairwise human preferences as win rates and Bradley–Terry strengths.
 */
package dev.aisle.evaluations.stats;
