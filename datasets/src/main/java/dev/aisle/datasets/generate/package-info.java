/** The seeded generator of the default corpus: products, reviews, Q&amp;A, guides and evaluation material drawn from the shelves. */
package dev.aisle.datasets.generate;
