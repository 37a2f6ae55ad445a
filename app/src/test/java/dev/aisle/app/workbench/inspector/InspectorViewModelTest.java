package dev.aisle.app.workbench.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aisle.app.workbench.common.Inspection;
import dev.aisle.engine.trace.AnswerTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {

    record Hit(String ref, String docId, double bm25, double dense, double fused, String why) {
    }

    record Retrieval(String query, int candidates, List<Hit> hits) {
    }

    @Test
    void sectionsBecomeTablesAndCitationsFindTheirEvidenceRow() {
        AnswerTrace trace = new AnswerTrace("t9", "Warm golf gloves?");
        trace.putSection("retrieval", new Retrieval("warm golf gloves", 40, List.of(
                new Hit("E1", "review:17", 7.25, 0.61, 0.032, "bm25(gloves)=4.1 + bm25(warm)=3.1"),
                new Hit("E2", "product:P42", 5.5, 0.72, 0.031, "dense cos 0.72"))));
        trace.addToken(11, "Try");
        trace.addToken(12, " these");
        trace.finish("Try these", "stop");
        Inspection inspection = new Inspection();
        InspectorViewModel vm = new InspectorViewModel(inspection);
        assertEquals(InspectorViewModel.State.EMPTY, vm.state().get());

        inspection.inspect(trace, "E2");
        assertEquals(InspectorViewModel.State.SHOWING, vm.state().get());
        assertEquals(2, vm.sections().size(), "fields table and the nested hits table");
        SectionTable hits = vm.sections().get(1);
        assertEquals("retrieval › hits", hits.title());
        assertEquals(List.of("ref", "docId", "bm25", "dense", "fused", "why"), hits.columns());
        assertEquals("7.2500", hits.rows().get(0).get(2));
        assertEquals(new InspectorViewModel.Location(1, 1), vm.locate(vm.highlightedRef().get()).orElseThrow());
        assertEquals(2, vm.timeline().get().tokenCount());
        assertTrue(vm.summary().get().startsWith("2 tokens"));
    }

    @Test
    void timelineGapsComeFromTokenTimestamps() {
        TokenTimeline t = TokenTimeline.of(List.of(new AnswerTrace.TokenTiming(1, "a", 100_000_000),
                new AnswerTrace.TokenTiming(2, "b", 130_000_000), new AnswerTrace.TokenTiming(3, "c", 190_000_000)));
        assertEquals(100.0, t.ttftMs(), 1e-9);
        assertEquals(List.of(30.0, 60.0), t.gapsMs());
        assertEquals(60.0, t.maxGapMs(), 1e-9);
    }
}
