package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.service.AnswerEvent;

/** A node embedded in the answer document: a markup element of an answer, or an answer's action bar. */
public sealed interface Embed {

    /** The empty segment RichTextFX needs for splitting; renders as nothing. */
    Embed EMPTY = new Nothing();

    record Element(AnswerViewModel owner, AnswerEvent element) implements Embed {
    }

    record Actions(AnswerViewModel owner) implements Embed {
    }

    record Nothing() implements Embed {
    }
}
