/** The corpus as a whole and its on-disk form: gzip JSONL files, a manifest and a content hash, written atomically. */
package dev.aisle.datasets.corpus;
