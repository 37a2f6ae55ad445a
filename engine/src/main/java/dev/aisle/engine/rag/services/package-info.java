/**
 * The store services the router calls as tools through the SPI: current price, stock and delivery
 * promise. {@link dev.aisle.engine.rag.services.CatalogueStoreServices} answers them in-process from
 * the catalogue, with stock and delivery simulated deterministically from a hash of the product id,
 * so answers, tests and evaluations are reproducible without a store backend.
 */
package dev.aisle.engine.rag.services;
