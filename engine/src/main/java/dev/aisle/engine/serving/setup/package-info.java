/** Building a serving stack (model, tokenizer, backend, scheduler limits) from command-line options. */
package dev.aisle.engine.serving.setup;
