package dev.aisle.evaluations.adapters;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.evaluations.run.SystemResolver;
import dev.aisle.evaluations.run.SystemUnderTest;
import dev.aisle.evaluations.suite.Suite;
import dev.aisle.evaluations.suite.SuiteKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Configurations backed by engine components: {@code rag-hybrid}, {@code rag-bm25}, {@code rag-dense}
 * rank catalogue products; {@code rag-evidence-hybrid|bm25|dense} rank product-QA candidates.
 */
public final class EngineSystems implements SystemResolver {

    private static final List<String> RAG = List.of("rag-hybrid", "rag-bm25", "rag-dense");
    private static final List<String> EVIDENCE = List.of("rag-evidence-hybrid", "rag-evidence-bm25", "rag-evidence-dense");

    private final Supplier<Corpus> corpus;
    private final Supplier<Path> indexDir;
    private final PrintStream log;
    private final SystemResolver next;

    /** @param indexDir where the retrieval index lives; asked only when a rag configuration runs */
    public EngineSystems(Supplier<Corpus> corpus, Supplier<Path> indexDir, PrintStream log, SystemResolver next) {
        this.corpus = corpus;
        this.indexDir = indexDir;
        this.log = log;
        this.next = next;
    }

    @Override
    public SystemUnderTest resolve(String configName, Suite suite) throws Exception {
        if (EVIDENCE.contains(configName)) {
            if (!suite.items().stream().allMatch(i -> !i.candidates().isEmpty())) {
                throw new IllegalArgumentException("configuration " + configName + " ranks product-QA candidates; "
                        + "use it with --suite product-qa or a .csv file");
            }
            RagEvidenceRankerSystem s = new RagEvidenceRankerSystem(suite.items(), RagEvidenceRankerSystem.modeOf(configName));
            return new SystemUnderTest(s.configuration(configName), s);
        }
        if (RAG.contains(configName)) {
            if (suite.items().stream().anyMatch(i -> !i.candidates().isEmpty())) {
                throw new IllegalArgumentException("configuration " + configName + " ranks catalogue products; "
                        + "product-QA suites rank their own candidates (use --config bm25)");
            }
            RagRetrieverSystem s = new RagRetrieverSystem(corpus.get(), indexDir.get(), RagRetrieverSystem.modeOf(configName), log);
            return new SystemUnderTest(s.configuration(configName), s);
        }
        return next.resolve(configName, suite);
    }

    @Override
    public List<String> known() {
        List<String> k = new ArrayList<>(RAG);
        k.addAll(EVIDENCE);
        k.addAll(next.known());
        return k;
    }

    @Override
    public String defaultFor(Suite suite) {
        boolean ranking = suite.items().stream().allMatch(i -> i.kind() == SuiteKind.RETRIEVAL);
        return ranking ? "rag-hybrid" : next.defaultFor(suite);
    }
}
