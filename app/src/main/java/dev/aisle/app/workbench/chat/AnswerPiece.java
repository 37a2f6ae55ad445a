package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.service.AnswerEvent;

/**
 * A piece of an answer as the view appends it: a run of text (tokens coalesced between two UI
 * updates) or one markup element produced by the parser.
 */
public sealed interface AnswerPiece {

    record TextRun(String text) implements AnswerPiece {
    }

    record Element(AnswerEvent element) implements AnswerPiece {
        public Element {
            if (!(element instanceof AnswerEvent.Product || element instanceof AnswerEvent.Compare
                    || element instanceof AnswerEvent.Cite || element instanceof AnswerEvent.Link
                    || element instanceof AnswerEvent.PluginElement)) {
                throw new IllegalArgumentException("not a markup element: " + element);
            }
        }
    }
}
