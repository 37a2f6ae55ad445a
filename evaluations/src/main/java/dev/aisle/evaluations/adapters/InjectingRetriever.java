package dev.aisle.evaluations.adapters;

import dev.aisle.engine.rag.RetrievalResult;
import dev.aisle.engine.rag.Retriever;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.pack.EvidenceCandidate;
import dev.aisle.engine.rag.pack.EvidencePacker;
import dev.aisle.engine.rag.pack.PackedEvidence;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.suite.InjectedEvidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's retrieval plus an adversarial item's injected evidence: the injected texts join the
 * retrieved candidates at top relevance and everything is packed again by the engine's packer, so
 * the injected text goes through the same neutralisation a real review does.
 */
final class InjectingRetriever implements Retriever {

    private final Retriever delegate;
    private final EvidencePacker packer;
    private volatile List<InjectedEvidence> injected = List.of();

    InjectingRetriever(Retriever delegate, EvidencePacker packer) {
        this.delegate = delegate;
        this.packer = packer;
    }

    /** What the next question gets; the runner asks one question at a time. */
    void inject(List<InjectedEvidence> next) {
        injected = List.copyOf(next);
    }

    @Override
    public RetrievalResult retrieve(String question, ConversationContext context, AnswerTrace trace) {
        RetrievalResult r = delegate.retrieve(question, context, trace);
        List<EvidenceCandidate> candidates = new ArrayList<>();
        // Just above the best retrieved item, so the packer takes the injected text first.
        double top = r.evidence().items().stream().mapToDouble(i -> i.candidate().relevance()).max().orElse(0) + 1;
        int n = 0;
        for (InjectedEvidence e : injected) {
            candidates.add(new EvidenceCandidate(e.source(), "injected-" + (++n), e.productId(), e.text(),
                    top, Map.of("injected", 1.0)));
        }
        r.evidence().items().forEach(i -> candidates.add(i.candidate()));
        PackedEvidence packed = packer.pack(candidates);
        trace.putSection("rag.evidence", packed);
        trace.putSection("eval.injected", injected.size());
        return new RetrievalResult(r.analysis(), r.hits(), r.products(), r.services(), packed, r.sources(), r.timings());
    }
}
