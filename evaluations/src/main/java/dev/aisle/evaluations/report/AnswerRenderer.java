package dev.aisle.evaluations.report;

import dev.aisle.engine.prompt.EvidenceLine;

import java.util.List;

/**
 * Turns an answer (with its markup) into an HTML fragment for the report.
 * {@link MarkupAnswerRenderer} shows it as the shopper would see it, through the markup module's
 * parser, hydrator and HTML renderer; {@link #ESCAPED_TEXT} shows the raw answer. Implementations
 * must escape all untrusted text.
 */
public interface AnswerRenderer {

    String toHtml(String answerText, List<EvidenceLine> evidence);

    /** Style rules the fragments need, added once to the report's inline stylesheet. */
    default String css() {
        return "";
    }

    AnswerRenderer ESCAPED_TEXT = (text, evidence) -> "<pre class=\"answer\">" + Html.escape(text) + "</pre>";
}
