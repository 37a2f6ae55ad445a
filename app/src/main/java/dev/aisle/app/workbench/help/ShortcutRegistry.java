package dev.aisle.app.workbench.help;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the workbench, by section ("Global", "Chat", "Annotate" …). A
 * section's shortcuts fire only while that section is shown; "Global" ones always. The same list
 * feeds the help overlay, so what is listed is what works.
 */
public final class ShortcutRegistry {

    public static final String GLOBAL = "Global";

    /** One shortcut; {@code typing} is true when it should fire even while a text field has focus. */
    public record Shortcut(String section, KeyCombination keys, String description, Runnable action, boolean typing) {
    }

    private final Map<String, List<Shortcut>> bySection = new LinkedHashMap<>();
    private Supplier<String> activeSection = () -> GLOBAL;

    public void register(String section, KeyCombination keys, String description, Runnable action) {
        boolean modified = keys.getShortcut() == KeyCombination.ModifierValue.DOWN
                || keys.getControl() == KeyCombination.ModifierValue.DOWN
                || keys.getAlt() == KeyCombination.ModifierValue.DOWN
                || keys.getMeta() == KeyCombination.ModifierValue.DOWN;
        register(section, keys, description, action, modified || isFunctionOrEscape(keys));
    }

    /** Registers with an explicit choice of whether it also fires while typing in a text field. */
    public void register(String section, KeyCombination keys, String description, Runnable action, boolean typing) {
        for (Shortcut s : bySection.getOrDefault(section, List.of())) {
            if (s.keys().equals(keys)) {
                throw new IllegalArgumentException("shortcut " + keys.getDisplayText() + " is already used in "
                        + section + " for '" + s.description() + "'");
            }
        }
        bySection.computeIfAbsent(section, k -> new ArrayList<>())
                .add(new Shortcut(section, keys, description, action, typing));
    }

    private static boolean isFunctionOrEscape(KeyCombination keys) {
        String name = keys.getName();
        return name.equals("Esc") || name.matches("F\\d+");
    }

    /** Tells the registry which section is on screen. */
    public void setActiveSection(Supplier<String> section) {
        this.activeSection = section;
    }

    /** All shortcuts, grouped by section in registration order. */
    public Map<String, List<Shortcut>> all() {
        Map<String, List<Shortcut>> copy = new LinkedHashMap<>();
        bySection.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** Fires the shortcut matching {@code event}, if any; returns whether one fired. */
    public boolean handle(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl;
        for (String section : List.of(activeSection.get(), GLOBAL)) {
            for (Shortcut s : bySection.getOrDefault(section, List.of())) {
                if (s.keys().match(event) && (!typing || s.typing())) {
                    s.action().run();
                    event.consume();
                    return true;
                }
            }
        }
        return false;
    }

    /** Installs the registry on a scene (as a filter, so it sees keys before focused controls). */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::handle);
    }
}
