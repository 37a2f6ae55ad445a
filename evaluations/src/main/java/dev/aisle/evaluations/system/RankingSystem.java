package dev.aisle.evaluations.system;

import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;

import java.util.List;
import java.util.Set;

/** A system that only ranks (a retriever, a candidate ranker): it runs retrieval items and is timed around {@link #rank}. */
public interface RankingSystem extends AnswerSystem {

    /** Product ids (or the item's candidate ids), best first. */
    List<String> rank(SuiteItem item) throws Exception;

    @Override
    default Set<SuiteKind> supportedKinds() {
        return Set.of(SuiteKind.RETRIEVAL);
    }

    @Override
    default SystemAnswer answer(SuiteItem item, Configuration configuration) throws Exception {
        long t0 = System.nanoTime();
        List<String> ranked = rank(item);
        return SystemAnswer.ranking(ranked, (System.nanoTime() - t0) / 1e6);
    }
}
