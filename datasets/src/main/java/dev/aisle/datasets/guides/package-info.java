/** Store-written buying guides. */
package dev.aisle.datasets.guides;
