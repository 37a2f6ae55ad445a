/**
 * Training data built from the TRAIN side of the corpus only: pretraining documents per text source,
 * grounded chat examples in the one {@link dev.aisle.engine.prompt.PromptLayout}, and the token
 * batches the loops consume. {@link dev.aisle.engine.train.data.TrainingSplit} decides what is
 * held out.
 */
package dev.aisle.engine.train.data;
