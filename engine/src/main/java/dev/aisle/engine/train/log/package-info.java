/** What a training run reports: CSV curves (one row per step) and a progress line on stderr. */
package dev.aisle.engine.train.log;
