/** The store's shelves: per-category specifications of attributes, review aspects, shopper questions and buying advice. */
package dev.aisle.datasets.generate.shelf;
