/** Shopper reviews. */
package dev.aisle.datasets.reviews;
