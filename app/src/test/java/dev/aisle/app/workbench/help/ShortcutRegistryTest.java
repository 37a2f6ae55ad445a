package dev.aisle.app.workbench.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class ShortcutRegistryTest {

    private static KeyEvent press(Object target, KeyCode code) {
        return new KeyEvent(null, (javafx.event.EventTarget) target, KeyEvent.KEY_PRESSED, "", "", code, false,
                false, false, false);
    }

    @Test
    void sectionShortcutsFireOnlyInTheirSectionAnd() {
        ShortcutRegistry r = new ShortcutRegistry();
        List<String> fired = new ArrayList<>();
        r.register("Annotate", new KeyCodeCombination(KeyCode.G), "good", () -> fired.add("good"));
        String[] section = {"Chat"};
        r.setActiveSection(() -> section[0]);

        assertFalse(r.handle(press(null, KeyCode.G)));
        section[0] = "Annotate";
        assertTrue(r.handle(press(null, KeyCode.G)));
        assertEquals(List.of("good"), fired);
    }

    @Test
    void aKeyCanOnlyBeTakenOncePerSection() {
        ShortcutRegistry r = new ShortcutRegistry();
        r.register("Chat", new KeyCodeCombination(KeyCode.F5), "one", () -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.register("Chat", new KeyCodeCombination(KeyCode.F5), "two", () -> { }));
        assertTrue(e.getMessage().contains("'one'"));
        assertEquals(1, r.all().get("Chat").size());
    }
}
