/**
 * Preference training against a frozen reference model: DPO on chosen/rejected pairs and KTO on
 * single answers labelled desirable or not, read from the JSONL layouts TRL's trainers read (which
 * {@code aisle feedback export} writes).
 */
package dev.aisle.engine.train.preference;
