package dev.aisle.evaluations.system;

import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;

import java.util.Set;

/**
 * The thing an evaluation measures. The assistant pipeline is one (it writes answers); a retriever
 * or a product-QA candidate ranker is another (it only ranks). Implementations must be usable
 * from one thread at a time; the runner never calls them concurrently.
 */
public interface AnswerSystem extends AutoCloseable {

    /** The item kinds this system can run; the runner refuses the others with a clear message. */
    Set<SuiteKind> supportedKinds();

    /**
     * Answers one item under the given configuration. Implementations measure their own timings
     * (TTFT needs the token stream); the runner fills in e2e when the system leaves it empty.
     */
    SystemAnswer answer(SuiteItem item, Configuration configuration) throws Exception;

    /** Lineage of what answers (model directory's aisle.json, index hash …), recorded in results. */
    default java.util.Map<String, String> lineage() {
        return java.util.Map.of();
    }

    @Override
    default void close() throws Exception {
    }
}
