package dev.aisle.evaluations.report;

import dev.aisle.engine.markup.MarkupElement;
import dev.aisle.engine.markup.MarkupScope;
import dev.aisle.engine.markup.hydrate.Hydrator;
import dev.aisle.engine.markup.hydrate.StreamingAnswer;
import dev.aisle.engine.markup.render.HtmlRenderer;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.markup.render.RenderNode;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.evaluations.metric.Catalogue;

import java.time.Duration;
import java.util.List;

/**
 * Renders answers in the report as the shopper sees them: the markup module's streaming parser,
 * hydration from the catalogue and its HTML renderer. A report has no live store, so product cards
 * say "Stock unknown" rather than invent stock; the scope is the answer's evidence, as in the pipeline.
 */
public final class MarkupAnswerRenderer implements AnswerRenderer {

    private static final RenderListener IGNORE = new RenderListener() {
        @Override
        public void onText(String text) {
        }

        @Override
        public void onElement(int elementIndex, MarkupElement element, RenderNode placeholder) {
        }

        @Override
        public void onHydrated(int elementIndex, RenderNode node) {
        }
    };

    private final Hydrator hydrator;
    private final HtmlRenderer html = new HtmlRenderer();

    public MarkupAnswerRenderer(Catalogue catalogue) {
        this.hydrator = new Hydrator(catalogue::product, id -> {
            throw new IllegalStateException("no live store in an evaluation report");
        }, Runnable::run, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    @Override
    public String toHtml(String answerText, List<EvidenceLine> evidence) {
        StreamingAnswer a = new StreamingAnswer(MarkupScope.of(evidence, List.of()), evidence, hydrator, IGNORE);
        a.accept(answerText);
        a.finish();
        return html.fragment(a.completed().join());
    }

    @Override
    public String css() {
        return HtmlRenderer.CSS;
    }
}
