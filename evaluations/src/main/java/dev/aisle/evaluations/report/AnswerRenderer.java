package dev.aisle.evaluations.report;

/**
 * Turns an answer (with its markup) into an HTML fragment for the report. The default shows the
 * answer as escaped text; the markup module's HTML renderer plugs in here so the report shows
 * answers as the shopper would see them. Implementations must escape all untrusted text.
 */
@FunctionalInterface
public interface AnswerRenderer {

    String toHtml(String answerText);

    AnswerRenderer ESCAPED_TEXT = text -> "<pre class=\"answer\">" + Html.escape(text) + "</pre>";
}
