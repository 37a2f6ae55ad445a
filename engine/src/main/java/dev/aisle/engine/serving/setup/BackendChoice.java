package dev.aisle.engine.serving.setup;

import dev.aisle.engine.spi.BackendPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The backends a serving stack can run on, by name: the built-in ones and those of plugins. One
 * place decides what a {@code --backend} value means, so the command line, the benchmark and the
 * workbench accept the same names and say the same thing about an unknown one.
 */
public final class BackendChoice {

    /** Backends the engine has itself ("remote" is not a stack: {@code aisle serve} forwards to another API). */
    public static final List<String> BUILT_IN = List.of("cpu", "neuron", "neuron-profile");

    /** Names no plugin may take. */
    private static final List<String> RESERVED = List.of("cpu", "neuron", "neuron-profile", "remote");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private BackendChoice() {
    }

    /** Whether {@code name} has the form of a backend name (lower case letters, digits, '-'; at most 32). */
    public static boolean wellFormed(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static boolean builtIn(String name) {
        return BUILT_IN.contains(name);
    }

    /**
     * The plugin backend called {@code name}: the first plugin with that name wins; plugins whose
     * name is reserved or malformed, or whose {@code name()} throws, are never chosen.
     */
    public static Optional<BackendPlugin> plugin(String name, List<BackendPlugin> plugins) {
        for (BackendPlugin p : plugins) {
            if (usable(p) && p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every name a user may choose: the built-in ones, then the plugins'. */
    public static List<String> names(List<BackendPlugin> plugins) {
        List<String> out = new ArrayList<>(BUILT_IN);
        for (BackendPlugin p : plugins) {
            if (usable(p) && !out.contains(p.name())) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** The message for a name that is neither built in nor offered by a plugin. */
    public static String unknown(String name, List<BackendPlugin> plugins) {
        List<String> offered = names(plugins).subList(BUILT_IN.size(), names(plugins).size());
        return "unknown backend \"" + name + "\": built in are " + String.join(", ", BUILT_IN)
                + (offered.isEmpty() ? "; no plugin offers a backend (plugins go in AISLE_HOME/plugins/, see './aisle plugins')"
                : "; plugins offer " + String.join(", ", offered));
    }

    private static boolean usable(BackendPlugin p) {
        try {
            return p.apiVersion() == BackendPlugin.API_VERSION && wellFormed(p.name()) && !RESERVED.contains(p.name());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
