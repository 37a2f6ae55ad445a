package dev.aisle.app.workbench.inspector;

import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Lays out the inspected AnswerTrace for the inspector view: stage timings, one table per section
 * (evidence tables know their ref column) and the token timeline; tracks the highlighted citation.
 */
public final class InspectorViewModel {

    /** Whether there is an answer to show. */
    public enum State {
        EMPTY, SHOWING
    }

    /** A stage of the pipeline as a row: start and duration in milliseconds. */
    public record StageRow(String stage, double startMs, double durationMs, String note) {
    }

    private final Inspection inspection;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObservableList<SectionTable> sections = FXCollections.observableArrayList();
    private final ObjectProperty<TokenTimeline> timeline = new SimpleObjectProperty<>(TokenTimeline.of(List.of()));

    public InspectorViewModel(Inspection inspection) {
        this.inspection = inspection;
        inspection.trace().addListener((o, was, now) -> show(now));
        show(inspection.trace().get());
    }

    private void show(AnswerTrace trace) {
        if (trace == null) {
            state.set(State.EMPTY);
            stages.clear();
            sections.clear();
            question.set("");
            answer.set("");
            summary.set("Ask something in Chat (or pick an item in Evaluations), then open Inspector.");
            timeline.set(TokenTimeline.of(List.of()));
            return;
        }
        question.set(trace.question());
        answer.set(trace.answerText());
        List<StageRow> rows = new ArrayList<>();
        for (AnswerTrace.StageTiming s : trace.stages()) {
            rows.add(new StageRow(s.stage(), s.startNanos() / 1e6, s.durationNanos() / 1e6, s.note()));
        }
        stages.setAll(rows);
        List<SectionTable> tables = new ArrayList<>();
        for (Map.Entry<String, Object> e : trace.sections().entrySet()) {
            tables.addAll(SectionTable.of(e.getKey(), e.getValue()));
        }
        sections.setAll(tables);
        TokenTimeline t = TokenTimeline.of(trace.tokens());
        timeline.set(t);
        summary.set("%d tokens · first token %s · median gap %s · longest gap %s · finish: %s".formatted(
                t.tokenCount(), ms(t.ttftMs()), ms(t.medianGapMs()), ms(t.maxGapMs()),
                trace.finishReason().isEmpty() ? "running" : trace.finishReason()));
        state.set(State.SHOWING);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : "%.1f ms".formatted(v);
    }

    /** Highlights the evidence row of citation {@code ref} (or clears with ""). */
    public void highlight(String ref) {
        inspection.highlightedRef().set(ref == null ? "" : ref);
    }

    /** Where a cited evidence item sits: which section table and which row. */
    public record Location(int table, int row) {
    }

    /** The first table holding a row for {@code ref}, if any does. */
    public java.util.Optional<Location> locate(String ref) {
        for (int i = 0; i < sections.size(); i++) {
            int row = sections.get(i).rowOf(ref);
            if (row >= 0) {
                return java.util.Optional.of(new Location(i, row));
            }
        }
        return java.util.Optional.empty();
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    public StringProperty question() {
        return question;
    }

    public StringProperty answer() {
        return answer;
    }

    public StringProperty summary() {
        return summary;
    }

    public ObservableList<StageRow> stages() {
        return stages;
    }

    public ObservableList<SectionTable> sections() {
        return sections;
    }

    public ReadOnlyObjectProperty<TokenTimeline> timeline() {
        return timeline;
    }

    public StringProperty highlightedRef() {
        return inspection.highlightedRef();
    }
}
