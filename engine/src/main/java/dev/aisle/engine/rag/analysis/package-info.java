/**
 * Question analysis: what the shopper wants (intent), what must hold (constraints: price, age, size,
 * category, attributes, brands, named products) and which products the question points at, including
 * "the second one" and "its" in a follow-up, resolved against the {@link
 * dev.aisle.engine.rag.analysis.ConversationContext}.
 *
 * <p>Rules and a lexicon built from the catalogue itself ({@link dev.aisle.engine.rag.analysis.CatalogueLexicon}:
 * categories, brands, attribute names and values, product names), so a new catalogue needs no new
 * rules. Shoppers type fast: tokens are lower-cased, and a word the lexicon does not know is
 * corrected to the nearest lexicon word within one edit (two for long words, Damerau distance),
 * unless it is ordinary English. The corrected text is what the keyword search sees.
 *
 * <p>What the TRAIN judged queries teach is learned at start-up ({@link dev.aisle.engine.rag.analysis.LearnedLexicon}):
 * shoppers' names for categories and their words for attribute wishes ("can handle a downpour" → waterproof),
 * which the analysis returns as {@link dev.aisle.engine.rag.analysis.AttributeWish}es for ranking to favour.
 *
 * <p>Products are named by brand and model words, whole and in order ({@link
 * dev.aisle.engine.rag.analysis.ProductNames}); the intent follows from the wording and the products named
 * ({@link dev.aisle.engine.rag.analysis.IntentReader}). {@link dev.aisle.engine.rag.analysis.AnalysisBench}
 * scores both against the corpus' own labelled questions.
 */
package dev.aisle.engine.rag.analysis;
