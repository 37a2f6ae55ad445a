/**
 * The training stages as the command line runs them: tokenizer, pretraining, SFT, DPO, KTO and
 * held-out perplexity. Each stage reads its inputs, runs a loop and writes a model directory with
 * its lineage.
 */
package dev.aisle.engine.train.stage;
