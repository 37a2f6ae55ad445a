package dev.aisle.evaluations.run;

import dev.aisle.evaluations.baseline.Bm25CandidateRanker;
import dev.aisle.evaluations.baseline.Bm25ProductRetriever;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.suite.Suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The configurations that need no model: {@code bm25} (product pages for corpus suites, candidate
 * texts for product-QA suites) and {@code bm25-title} (titles only). Other names go to
 * {@code next}, the assistant's resolver once the engine provides one.
 */
public final class BaselineSystems implements SystemResolver {

    public static final String ASSISTANT_MISSING = "answer suites need the assistant pipeline: this resolver has no "
            + "assistant (question → AnswerTrace) that writes answers; its ranking configurations are bm25 and bm25-title.";

    private final Supplier<Catalogue> catalogue;
    private final SystemResolver next;

    /** @param next resolves every other name; {@link #withoutAssistant()} when there is no assistant */
    public BaselineSystems(Supplier<Catalogue> catalogue, SystemResolver next) {
        this.catalogue = catalogue;
        this.next = next;
    }

    @Override
    public SystemUnderTest resolve(String configName, Suite suite) throws Exception {
        boolean productQa = isProductQa(suite);
        switch (configName) {
            case "bm25" -> {
                if (productQa) {
                    return new SystemUnderTest(Bm25CandidateRanker.configuration(configName), new Bm25CandidateRanker(suite.items()));
                }
                var r = new Bm25ProductRetriever(catalogue.get().products(), Bm25ProductRetriever.Fields.FULL);
                return new SystemUnderTest(r.configuration(configName), r);
            }
            case "bm25-title" -> {
                if (productQa) {
                    throw new IllegalArgumentException("configuration bm25-title ranks catalogue products; product-QA suites use --config bm25");
                }
                var r = new Bm25ProductRetriever(catalogue.get().products(), Bm25ProductRetriever.Fields.TITLE);
                return new SystemUnderTest(r.configuration(configName), r);
            }
            default -> {
                return next.resolve(configName, suite);
            }
        }
    }

    @Override
    public List<String> known() {
        List<String> k = new ArrayList<>(List.of("bm25", "bm25-title"));
        k.addAll(next.known());
        return k;
    }

    @Override
    public String defaultFor(Suite suite) {
        return isProductQa(suite) ? "bm25" : next.defaultFor(suite);
    }

    static boolean isProductQa(Suite suite) {
        return !suite.items().isEmpty() && suite.items().stream().allMatch(i -> !i.candidates().isEmpty());
    }

    /** A resolver without an assistant (tests, ranking-only tools): every other name is a clear error. */
    public static SystemResolver withoutAssistant() {
        return new SystemResolver() {
            @Override
            public SystemUnderTest resolve(String configName, Suite suite) {
                throw new IllegalArgumentException("configuration '" + configName + "': " + ASSISTANT_MISSING);
            }

            @Override
            public List<String> known() {
                return List.of();
            }

            @Override
            public String defaultFor(Suite suite) {
                return "default";
            }
        };
    }
}
