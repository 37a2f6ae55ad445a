package dev.aisle.engine.markup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private static final List<String> NAMES = List.of("product", "compare", "cite", "link");

    enum Outcome { COMPLETE, NEED_MORE, REJECTED }

    /** Why a {@code <} did not start an element. */
    enum Rejection { NOT_A_TAG, MALFORMED, UNKNOWN_ELEMENT, UNKNOWN_ID, OUTSIDE_STORE }

    record Match(Outcome outcome, int end, MarkupElement element, Rejection rejection) {
    }

    private static final int NEED = -1;
    private static final int TOO_LONG = -2;

    private TagMatcher() {
    }

    /** {@code s.charAt(start)} must be {@code '<'}. */
    static Match match(CharSequence s, int start, MarkupScope scope) {
        return new Run(s, start, scope).element();
    }

    private static final class Run {
        private final CharSequence s;
        private final int start;
        private final MarkupScope scope;
        private int i;
        private String value = "";

        Run(CharSequence s, int start, MarkupScope scope) {
            this.s = s;
            this.start = start;
            this.scope = scope;
            this.i = start + 1;
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
            while ((c = peek()) >= 0 && isAsciiLetter(c)) {
                name.append((char) c);
                i++;
                String soFar = name.toString();
                if (NAMES.stream().noneMatch(n -> n.startsWith(soFar))) {
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
                default -> rejected(Rejection.UNKNOWN_ELEMENT); // a proper prefix such as "<prod "
            };
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
            if (m != null) {
                return m;
            }
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
            return peeked == TOO_LONG ? rejected(Rejection.MALFORMED) : new Match(Outcome.NEED_MORE, i, null, null);
        }

        private Match rejected(Rejection why) {
            return new Match(Outcome.REJECTED, start + 1, null, why);
        }

        private Match complete(MarkupElement e) {
            return new Match(Outcome.COMPLETE, i, e, null);
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
