package dev.aisle.engine.markup;

import java.util.Optional;

/** The only places a link may go: somewhere inside the store. */
public enum LinkKind {
    SEARCH("search:"),
    CATEGORY("category:"),
    PRODUCT("product:");

    private final String prefix;

    LinkKind(String prefix) {
        this.prefix = prefix;
    }

    /** "search:", "category:" or "product:". */
    public String prefix() {
        return prefix;
    }

    /** The kind whose prefix starts {@code target}, if any. */
    public static Optional<LinkKind> ofTarget(String target) {
        for (LinkKind k : values()) {
            if (target.startsWith(k.prefix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
