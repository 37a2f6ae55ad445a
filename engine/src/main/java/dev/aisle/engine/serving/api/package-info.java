/**
 * The OpenAI-compatible HTTP API ({@link dev.aisle.engine.serving.api.OpenAiServer}) and the
 * pluggable {@link dev.aisle.engine.serving.api.AnswerEngine} behind it.
 */
package dev.aisle.engine.serving.api;
