/** Importers of public shopping-data formats into a corpus. */
package dev.aisle.datasets.imports;
