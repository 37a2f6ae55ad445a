package dev.aisle.engine.markup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a {@code <} at some position starts: a complete element, something that is not
 * (yet) one, or a prefix that needs more input.
 *
 * <p>The grammar is read strictly left to right and every decision depends only on the
 * characters read so far, never on where the available input ends. So the answer for a prefix
 * of the text is either {@link Outcome#NEED_MORE} or the answer for the whole text — the property
 * that makes streaming and whole-answer parsing give the same events. Every element is bounded
 * ({@link #MAX_TAG_CHARS}), so the parser never holds back more than that.
 */
final class TagMatcher {

    static final int MAX_TAG_CHARS = 512;
    static final int MAX_ID_CHARS = 64;
    static final int MAX_COMPARE_IDS = 8;
    static final int MAX_LINK_TEXT_CHARS = 200;
    static final int MAX_PLUGIN_ATTRIBUTES = 8;
    static final int MAX_ATTRIBUTE_NAME_CHARS = 32;

    /** The tags of DESIGN.md's markup; a plugin cannot take them. */
    static final List<String> BUILT_IN = List.of("product", "compare", "cite", "link");

    enum Outcome { COMPLETE, NEED_MORE, REJECTED }

    /** Why a {@code <} did not start an element. */
    enum Rejection { NOT_A_TAG, MALFORMED, UNKNOWN_ELEMENT, UNKNOWN_ID, OUTSIDE_STORE }

    /** @param problems why a plugin element was rejected (empty for built-in tags and accepted elements) */
    record Match(Outcome outcome, int end, MarkupElement element, Rejection rejection, List<String> problems) {
    }

    private static final int NEED = -1;
    private static final int TOO_LONG = -2;

    private TagMatcher() {
    }

    /** {@code s.charAt(start)} must be {@code '<'}. */
    static Match match(CharSequence s, int start, MarkupScope scope) {
        return match(s, start, scope, MarkupExtensions.NONE);
    }

    /** As {@link #match(CharSequence, int, MarkupScope)}, also knowing the plugin elements of {@code extensions}. */
    static Match match(CharSequence s, int start, MarkupScope scope, MarkupExtensions extensions) {
        return new Run(s, start, scope, extensions).element();
    }

    private static final class Run {
        private final CharSequence s;
        private final int start;
        private final MarkupScope scope;
        private final MarkupExtensions extensions;
        private int i;
        private String value = "";

        Run(CharSequence s, int start, MarkupScope scope, MarkupExtensions extensions) {
            this.s = s;
            this.start = start;
            this.scope = scope;
            this.extensions = extensions;
            this.i = start + 1;
        }

        private boolean anyNameStartsWith(String prefix) {
            return BUILT_IN.stream().anyMatch(n -> n.startsWith(prefix))
                    || extensions.tags().stream().anyMatch(n -> n.startsWith(prefix));
        }

        Match element() {
            int c = peek();
            if (c < 0) {
                return stop(c);
            }
            if (!isAsciiLetter(c)) {
                return rejected(Rejection.NOT_A_TAG);
            }
            StringBuilder name = new StringBuilder();
            // '-' belongs to the name only while it continues a plugin's tag, so "<link-x" reads as before.
            while ((c = peek()) >= 0 && (isAsciiLetter(c) || c == '-' && anyNameStartsWith(name + "-"))) {
                name.append((char) c);
                i++;
                if (!anyNameStartsWith(name.toString())) {
                    return rejected(Rejection.UNKNOWN_ELEMENT);
                }
            }
            if (c < 0) {
                return stop(c);
            }
            return switch (name.toString()) {
                case "product" -> product();
                case "compare" -> compare();
                case "cite" -> cite();
                case "link" -> link();
                default -> extensions.tags().contains(name.toString())
                        ? plugin(name.toString())
                        : rejected(Rejection.UNKNOWN_ELEMENT); // a proper prefix such as "<prod "
            };
        }

        /**
         * A plugin's self-closing element: {@code <tag a="v" b="w"/>}. Well-formed first, then the
         * plugin's own validation, then every product attribute must be in the answer's scope.
         */
        private Match plugin(String tag) {
            Map<String, String> attributes = new LinkedHashMap<>();
            while (true) {
                int c = peek();
                if (c < 0) {
                    return stop(c);
                }
                if (c == '/') {
                    break;
                }
                if (!isBlank(c)) {
                    return rejected(Rejection.MALFORMED);
                }
                skipBlanks();
                if ((c = peek()) < 0) {
                    return stop(c);
                }
                if (c == '/') {
                    break;
                }
                Match m = pluginAttribute(attributes);
                if (m != null) {
                    return m;
                }
            }
            Match m = literal("/>");
            if (m != null) {
                return m;
            }
            List<String> problems = extensions.validate(tag, attributes);
            if (!problems.isEmpty()) {
                return rejected(Rejection.MALFORMED, problems);
            }
            for (String a : extensions.productAttributes(tag)) {
                String id = attributes.get(a);
                if (id != null && !scope.allowsProduct(id)) {
                    return rejected(Rejection.UNKNOWN_ID,
                            List.of("<" + tag + "> " + a + "=\"" + id + "\" is not a product of this answer's evidence"));
                }
            }
            return complete(new PluginElement(tag, attributes));
        }

        /** {@code name="value"}: a name of letters, digits, '-' and '_' starting with a letter; a value on one line without angle brackets. */
        private Match pluginAttribute(Map<String, String> attributes) {
            StringBuilder name = new StringBuilder();
            int c;
            while ((c = peek()) >= 0 && (isAlphanumeric(c) || c == '-' || c == '_')) {
                if (name.length() == MAX_ATTRIBUTE_NAME_CHARS || name.length() == 0 && !isAsciiLetter(c)) {
                    return rejected(Rejection.MALFORMED);
                }
                name.append((char) c);
                i++;
            }
            if (c < 0) {
                return stop(c);
            }
            if (name.length() == 0) {
                return rejected(Rejection.MALFORMED);
            }
            Match m = literal("=\"");
            if (m == null) {
                m = quotedValue(v -> v != '<' && v != '>' && !ControlCharacters.isControl((char) v));
            }
            if (m != null) {
                return m;
            }
            if (attributes.put(name.toString(), value) != null || attributes.size() > MAX_PLUGIN_ATTRIBUTES) {
                return rejected(Rejection.MALFORMED);
            }
            return null;
        }

        private Match product() {
            Match m = attribute("id", Run::isIdChar);
            if (m == null) {
                m = selfClose();
            }
            if (m != null) {
                return m;
            }
            String id = value;
            if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
                return rejected(Rejection.MALFORMED);
            }
            return scope.allowsProduct(id) ? complete(new ProductElement(id)) : rejected(Rejection.UNKNOWN_ID);
        }

        private Match compare() {
            Match m = attribute("ids", c -> isIdChar(c) || c == ',' || c == ' ');
            if (m == null) {
                m = selfClose();
            }
            if (m != null) {
                return m;
            }
            List<String> ids = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String part : value.split(",", -1)) {
                String id = part.strip();
                if (id.isEmpty() || id.length() > MAX_ID_CHARS || id.indexOf(' ') >= 0 || !seen.add(id)) {
                    return rejected(Rejection.MALFORMED);
                }
                ids.add(id);
            }
            if (ids.size() < 2 || ids.size() > MAX_COMPARE_IDS) {
                return rejected(Rejection.MALFORMED);
            }
            return ids.stream().allMatch(scope::allowsProduct)
                    ? complete(new CompareElement(ids))
                    : rejected(Rejection.UNKNOWN_ID);
        }

        private Match cite() {
            Match m = attribute("ref", Run::isAlphanumeric);
            if (m == null) {
                m = selfClose();
            }
            if (m != null) {
                return m;
            }
            if (value.isEmpty()) {
                return rejected(Rejection.MALFORMED);
            }
            return scope.allowsEvidence(value) ? complete(new CiteElement(value)) : rejected(Rejection.UNKNOWN_ID);
        }

        private Match link() {
            Match m = linkTarget();
            if (m != null) {
                return m;
            }
            String target = value;
            skipBlanks();
            m = literal(">");
            if (m != null) {
                return m;
            }
            StringBuilder text = new StringBuilder();
            int c;
            while ((c = peek()) >= 0 && c != '<') {
                if (text.length() == MAX_LINK_TEXT_CHARS) {
                    return rejected(Rejection.MALFORMED);
                }
                text.append((char) c);
                i++;
            }
            if (c < 0) {
                return stop(c);
            }
            m = literal("</link>");
            if (m != null) {
                return m;
            }
            LinkKind kind = LinkKind.ofTarget(target).orElseThrow(); // linkTarget() checked it
            String rest = target.substring(kind.prefix().length());
            if (rest.isBlank() || text.toString().isBlank()) {
                return rejected(Rejection.MALFORMED);
            }
            if (kind == LinkKind.PRODUCT && !scope.allowsProduct(rest)) {
                return rejected(Rejection.UNKNOWN_ID);
            }
            return complete(new LinkElement(kind, rest, text.toString()));
        }

        /** {@code to="…"}, rejected as soon as the target can no longer be one of the store's. */
        private Match linkTarget() {
            Match m = blanksThenName("to");
            if (m != null) {
                return m;
            }
            StringBuilder v = new StringBuilder();
            int c;
            while ((c = peek()) >= 0 && c != '"') {
                if (c == '<' || c == '>' || c == '\n' || c == '\r') {
                    return rejected(Rejection.MALFORMED);
                }
                v.append((char) c);
                i++;
                if (!couldBeStoreTarget(v)) {
                    return rejected(Rejection.OUTSIDE_STORE);
                }
            }
            if (c < 0) {
                return stop(c);
            }
            i++;
            if (LinkKind.ofTarget(v.toString()).isEmpty()) {
                return rejected(Rejection.OUTSIDE_STORE);
            }
            value = v.toString();
            return null;
        }

        private static boolean couldBeStoreTarget(CharSequence v) {
            String t = v.toString();
            for (LinkKind k : LinkKind.values()) {
                if (k.prefix().startsWith(t) || t.startsWith(k.prefix())) {
                    return true;
                }
            }
            return false;
        }

        /** One or more blanks, {@code name="VALUE"}; leaves VALUE in {@link #value}. */
        private Match attribute(String name, CharRule allowed) {
            Match m = blanksThenName(name);
            return m != null ? m : quotedValue(allowed);
        }

        /** Characters up to the closing quote, each one {@code allowed}; leaves them in {@link #value}. */
        private Match quotedValue(CharRule allowed) {
            StringBuilder v = new StringBuilder();
            int c;
            while ((c = peek()) >= 0 && c != '"') {
                if (!allowed.test(c)) {
                    return rejected(Rejection.MALFORMED);
                }
                v.append((char) c);
                i++;
            }
            if (c < 0) {
                return stop(c);
            }
            i++;
            value = v.toString();
            return null;
        }

        private Match blanksThenName(String name) {
            int c = peek();
            if (c < 0) {
                return stop(c);
            }
            if (!isBlank(c)) {
                return rejected(Rejection.MALFORMED);
            }
            skipBlanks();
            return literal(name + "=\"");
        }

        private Match selfClose() {
            skipBlanks();
            return literal("/>");
        }

        private void skipBlanks() {
            int c;
            while ((c = peek()) >= 0 && isBlank(c)) {
                i++;
            }
        }

        private Match literal(String lit) {
            for (int k = 0; k < lit.length(); k++) {
                int c = peek();
                if (c < 0) {
                    return stop(c);
                }
                if (c != lit.charAt(k)) {
                    return rejected(Rejection.MALFORMED);
                }
                i++;
            }
            return null;
        }

        /** The next character, {@link #NEED} at the end of the input, {@link #TOO_LONG} past the bound. */
        private int peek() {
            if (i - start >= MAX_TAG_CHARS) {
                return TOO_LONG;
            }
            return i < s.length() ? s.charAt(i) : NEED;
        }

        private Match stop(int peeked) {
            return peeked == TOO_LONG ? rejected(Rejection.MALFORMED) : new Match(Outcome.NEED_MORE, i, null, null, List.of());
        }

        private Match rejected(Rejection why) {
            return rejected(why, List.of());
        }

        private Match rejected(Rejection why, List<String> problems) {
            return new Match(Outcome.REJECTED, start + 1, null, why, problems);
        }

        private Match complete(MarkupElement e) {
            return new Match(Outcome.COMPLETE, i, e, null, List.of());
        }

        private static boolean isBlank(int c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isAsciiLetter(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isAlphanumeric(int c) {
            return isAsciiLetter(c) || (c >= '0' && c <= '9');
        }

        private static boolean isIdChar(int c) {
            return isAlphanumeric(c) || c == '-' || c == '_' || c == '.';
        }
    }

    @FunctionalInterface
    private interface CharRule {
        boolean test(int c);
    }
}
