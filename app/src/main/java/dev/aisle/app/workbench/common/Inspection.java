package dev.aisle.app.workbench.common;

import dev.aisle.engine.trace.AnswerTrace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The answer the evidence inspector shows, shared between the views that select answers (chat,
 * side-by-side, evaluations) and the inspector; plus the citation that should be highlighted.
 */
public final class Inspection {

    private final ObjectProperty<AnswerTrace> trace = new SimpleObjectProperty<>();
    private final StringProperty highlightedRef = new SimpleStringProperty("");

    public ObjectProperty<AnswerTrace> trace() {
        return trace;
    }

    /** The evidence ref ("E3") currently highlighted, or "" for none. */
    public StringProperty highlightedRef() {
        return highlightedRef;
    }

    public void inspect(AnswerTrace answer, String ref) {
        trace.set(answer);
        highlightedRef.set(ref == null ? "" : ref);
    }
}
