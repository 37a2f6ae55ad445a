package dev.aisle.app.workbench.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aisle.app.workbench.common.UiDispatcher;
import dev.aisle.app.workbench.service.AnnotationQueue.Verdict;
import dev.aisle.app.workbench.support.InMemoryAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnotateViewModelTest {

    private final InMemoryAnnotations queue = new InMemoryAnnotations(3);
    private final List<String> errors = new ArrayList<>();
    private final AnnotateViewModel vm = new AnnotateViewModel(queue, List.of("wrong product", "too long"),
            Runnable::run, UiDispatcher.direct(), (w, m) -> errors.add(w + ": " + m));

    @Test
    void labelsGoToTheQueueWithReasonsAndTheNextItemShows() {
        vm.load();
        assertEquals("i1", vm.current().get().itemId());
        vm.toggleReason(1);
        vm.comment().set("rambles");
        vm.label(Verdict.BAD);

        assertEquals(1, queue.labels.size());
        assertEquals(Set.of("too long"), queue.labels.get(0).reasons());
        assertEquals("rambles", queue.labels.get(0).comment());
        assertEquals(Verdict.BAD, queue.labels.get(0).verdict());
        assertEquals("i2", vm.current().get().itemId());
        assertEquals(Set.of(), vm.reasons(), "reasons reset for the next item");
        assertEquals(1, vm.progress().get().labelled());
        assertEquals(3, vm.progress().get().total());
    }

    @Test
    void queueRunsEmpty() {
        vm.load();
        vm.label(Verdict.GOOD);
        vm.label(Verdict.SKIP);
        vm.label(Verdict.GOOD);
        assertEquals(AnnotateViewModel.State.EMPTY, vm.state().get());
        assertNull(vm.current().get());
        vm.label(Verdict.GOOD);
        assertEquals(3, queue.labels.size(), "nothing is labelled when the queue is empty");
    }

    @Test
    void reasonDigitsOutOfRangeAreIgnored() {
        vm.load();
        vm.toggleReason(7);
        vm.toggleReason(0);
        vm.toggleReason(0);
        assertEquals(Set.of(), vm.reasons());
    }
}
