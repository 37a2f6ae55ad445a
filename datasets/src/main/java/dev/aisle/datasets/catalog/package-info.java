/** Catalogue records: products and their typed attributes. */
package dev.aisle.datasets.catalog;
