/** The remote backend: a request-level client of any OpenAI-compatible endpoint. */
package dev.aisle.engine.serving.remote;
