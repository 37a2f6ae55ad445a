package dev.aisle.datasets.judgments;

/** The five kinds of shopper question the assistant must handle. */
public enum Intent { PRODUCT_DETAIL, COMPARISON, RECOMMENDATION, ADVICE, STORE_SERVICE }
