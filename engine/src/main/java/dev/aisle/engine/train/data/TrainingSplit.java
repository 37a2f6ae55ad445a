package dev.aisle.engine.train.data;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Split;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Decides what training may see. Two kinds of text are kept out:
 * <ul>
 *   <li>the wording of every HELD_OUT evaluation question and judged query (so a Q&amp;A thread or
 *       a synthesized question that repeats it is dropped), because the quality figures are
 *       measured on them;</li>
 *   <li>a fixed, id-hashed sample of documents per source, on which held-out perplexity is
 *       measured. The hash depends only on the id, so the same documents are held out for every
 *       run and every seed.</li>
 * </ul>
 */
public final class TrainingSplit {

    /** One document in {@code PERPLEXITY_MODULUS} is held out for perplexity. */
    static final int PERPLEXITY_MODULUS = 40;

    private final Set<String> heldOutQuestions = new HashSet<>();

    public TrainingSplit(Corpus corpus) {
        for (EvalQuestion q : corpus.evalQuestions()) {
            if (q.split() == Split.HELD_OUT) {
                heldOutQuestions.add(normalize(q.question()));
            }
        }
        for (JudgedQuery q : corpus.judgedQueries()) {
            if (q.split() == Split.HELD_OUT) {
                heldOutQuestions.add(normalize(q.query()));
            }
        }
    }

    /** True when the text repeats a held-out evaluation question (case, spaces and punctuation ignored). */
    public boolean isHeldOutQuestion(String text) {
        return heldOutQuestions.contains(normalize(text));
    }

    /** True for the documents (by id) that perplexity is measured on. */
    public boolean isPerplexityHoldout(String documentId) {
        CRC32 crc = new CRC32();
        crc.update(documentId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % PERPLEXITY_MODULUS == 0;
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
