/**
 * A sample plugin: the {@code <deal id="…"/>} answer element. The model names a product; hydration
 * reads its price and list price from the catalogue, so the saving shown is the store's, not the
 * model's guess.
 */
package dev.aisle.plugins.deal;
