package dev.aisle.engine.rag;

import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.pack.PackedEvidence;
import dev.aisle.engine.rag.retrieve.Hit;
import dev.aisle.engine.rag.retrieve.ProductHit;
import dev.aisle.engine.rag.route.SourceRun;
import dev.aisle.engine.spi.StoreService;

import java.util.List;

/**
 * Everything retrieval produced for one question.
 *
 * @param products ranked products: the ones the question refers to first, then the retrieval's best
 * @param services store-service answers, for evidence and for hydrating product cards
 */
public record RetrievalResult(QuestionAnalysis analysis, List<Hit> hits, List<ProductHit> products,
                              List<StoreService.ServiceResult> services, PackedEvidence evidence,
                              List<SourceRun> sources, Timings timings) {

    public RetrievalResult {
        hits = List.copyOf(hits);
        products = List.copyOf(products);
        services = List.copyOf(services);
        sources = List.copyOf(sources);
    }

    /** The numbered lines for {@code PromptLayout.render}. */
    public List<EvidenceLine> evidenceLines() {
        return evidence.lines();
    }

    /** This turn as the next turn's context sees it, once the answer has shown {@code shownProductIds}. */
    public ConversationContext.PriorTurn asPriorTurn(String answer, List<String> shownProductIds) {
        return new ConversationContext.PriorTurn(analysis.question(), answer, shownProductIds,
                evidence.items().stream().map(i -> i.candidate().docId()).toList(), analysis.constraints().categories());
    }

    /** Microseconds per step; {@code search} includes embedding the question and waiting for sources. */
    public record Timings(long analysisMicros, long embedMicros, long searchMicros, long servicesMicros,
                          long packMicros, long totalMicros) {
    }
}
