/**
 * Turning logits into answers: sampling ({@link dev.aisle.engine.serving.sampling.Sampler}), per-sequence decoding
 * state with stop strings and streaming ({@link dev.aisle.engine.generate.DecodingSession}), the
 * single-request {@link dev.aisle.engine.generate.Generator} over a {@code Backend}, and constrained markup
 * decoding ({@link dev.aisle.engine.generate.MarkupConstraint}, with {@link dev.aisle.engine.generate.PlainIdGuard}
 * keeping product ids out of free text). The serving scheduler reuses
 * {@code DecodingSession} per sequence, so both paths finish answers the same way.
 */
package dev.aisle.engine.generate;
