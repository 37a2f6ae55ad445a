package dev.aisle.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of an answer that state a fact, as a character automaton read left to right: a rating
 * ("4.5 stars", "4.5 out of 5", "4.5/5", "rated 4.5") or a measure with a unit ("8 mm", "250 g", "5 years").
 * It decides what a number claims only once the words after it show it, because digits come first: "8"
 * may become "8 mm", "8 stars" or "8 options". While the unit is still open ("8 m" could be "8 mm", "8 m"
 * or "8 more") the state waits; when the words after a number spell a unit (longest spelling, followed by
 * a non-alphanumeric character or the end, as the evaluations' claim extractor reads it), the
 * {@link Judge} says whether that (number, unit) pair may be written. Anything else after a number is a
 * plain count ("2 options", "top 3") and free.
 *
 * <p>What is not read here: amounts after "$" (prices, {@link PriceConstraint}) and the insides of markup
 * tags (ids such as {@code B0…12MM}, evidence labels); a tag between a number and its unit counts as a
 * space, as in the plain text the metrics read. One blank line between a number and a word ends the
 * number (the metrics split sentences there).
 *
 * <p>States are immutable values, so masks can be cached per state. {@link #next} returns null when a
 * character would write a claim the judge does not allow.
 */
public final class NumberGrammar {

    /** Which claims may be written. */
    public interface Judge {
        /** A rating of this value ("4.5 stars", "rated 4.5"). */
        boolean rating(double value);

        /** Whether digits written after "rated" can still become an allowed rating ("4." of "4.5"). */
        boolean ratingPrefix(String spelled);

        /** A measure of this value in this canonical unit ("8 mm" → 8, "mm"). */
        boolean measure(double value, String canonicalUnit);
    }

    /** A point in the automaton. */
    public sealed interface State permits Free, Tag, Dollar, Price, Number, Tail {
    }

    /**
     * Text with no number open. {@code inWord}: the last character was a letter or digit; {@code rated}: how
     * much of the word "rated" was just written (1–5), 6 when "rated" and a space were: a number now is a rating.
     */
    public record Free(boolean inWord, int rated) implements State {
    }

    /** Inside a markup tag; {@code resume} continues after its {@code >} as if the tag were a space. */
    public record Tag(State resume) implements State {
    }

    /** Just after "$" (and at most one space): a number now is a price. */
    public record Dollar(boolean spaced) implements State {
    }

    /** The digits of a price. */
    public record Price() implements State {
    }

    /**
     * Digits being written; {@code text} may end in a '.' or ',' that a digit must follow to stay part of it.
     * {@code rated}: the number follows "rated".
     */
    public record Number(String text, boolean rated) implements State {
    }

    /** A number is complete and the words after it ({@code tail}, tags as one space) may still spell a unit. */
    public record Tail(String number, boolean rated, String tail) implements State {
    }

    /** A unit a number may be followed by, as the claim extractor reads it. */
    private record Unit(String spelling, String canonical, boolean rating) {
    }

    public static final State START = new Free(false, 0);
    private static final String RATED = "rated";
    private static final List<String> RATING_SPELLINGS = List.of("stars", "star", "out of five", "out of 5", "/ 5", "/5");

    private final List<Unit> units;
    /** The units by the first character of their spelling, longest first: a tail is only compared with these. */
    private final java.util.Map<Character, List<Unit>> byFirstChar;

    public NumberGrammar(MeasureUnits measureUnits) {
        List<Unit> all = new ArrayList<>();
        for (String s : measureUnits.spellingsLongestFirst()) {
            all.add(new Unit(s, measureUnits.canonicalOf(s), false));
        }
        for (String s : RATING_SPELLINGS) {
            all.add(new Unit(s, "", true));
        }
        all.sort(Comparator.comparingInt((Unit u) -> u.spelling().length()).reversed());
        this.units = List.copyOf(all);
        java.util.Map<Character, List<Unit>> index = new java.util.HashMap<>();
        for (Unit u : units) {
            index.computeIfAbsent(u.spelling().charAt(0), k -> new ArrayList<>()).add(u);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byFirstChar = java.util.Map.copyOf(index);
    }

    /** Whether {@code s} can never refuse a token without a digit (no number is open). */
    public static boolean quiet(State s) {
        return s instanceof Free || s instanceof Dollar || s instanceof Price || s instanceof Tag t && quiet(t.resume());
    }

    /**
     * Whether a character can neither continue a number nor begin a unit, a separator or a tag: after a number
     * it only says "no unit here".
     */
    public boolean inertStart(char c) {
        if (Character.isDigit(c) || Character.isWhitespace(c) || ".,-/<$".indexOf(c) >= 0) {
            return false;
        }
        char lower = Character.toLowerCase(c);
        for (Unit u : units) {
            if (u.spelling().charAt(0) == lower) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} is an open number, or a number followed only by spaces or a dash, where a token that
     * starts with an {@link #inertStart} character decides "no unit" by its first character.
     */
    public boolean numberJustEnded(State s) {
        if (s instanceof Number) {
            return true;
        }
        return s instanceof Tail t && t.tail().chars().allMatch(ch -> Character.isWhitespace(ch) || ch == '-');
    }

    /** The state after {@code text}, or null if the text writes a claim {@code judge} does not allow. */
    public State run(State s, String text, Judge judge) {
        State cur = s;
        for (int i = 0; i < text.length() && cur != null; i++) {
            cur = next(cur, text.charAt(i), judge);
        }
        return cur;
    }

    /** Whether the answer may end here: an open number or unit is complete and allowed. */
    public boolean canEnd(State s, Judge judge) {
        if (s instanceof Number n) {
            String number = strip(n.text());
            return !n.rated() || judge.rating(value(number));
        }
        if (s instanceof Tail t) {
            Decision d = decide(t.tail(), true);
            return d.unit() == null || allowed(d.unit(), t.number(), judge);
        }
        return true;
    }

    /**
     * Whether {@code s} stops on a whole unit spelling that the judge refuses for its number, with no longer
     * allowed spelling ahead ("650 yd" where only 800 yd is stated; not "230 g", which may still become the
     * stated "230 g/m²"). Such a state is legal — "650 ydx" is no claim — but a token that ends there only
     * leaves the model a garbled word as a way out ("650 ydners"), so the decoder refuses the token instead.
     */
    public boolean dangling(State s, Judge judge) {
        if (!(s instanceof Tail t)) {
            return false;
        }
        Decision whole = decide(t.tail(), true);
        if (whole.unit() == null || allowed(whole.unit(), t.number(), judge)) {
            return false;
        }
        String rest = t.tail().substring(whole.consumed() - whole.unit().spelling().length()).toLowerCase(Locale.ROOT);
        for (Unit u : units) {
            if (u.spelling().length() > rest.length() && u.spelling().startsWith(rest) && allowed(u, t.number(), judge)) {
                return false;
            }
        }
        return true;
    }

    /** The state after {@code c}, or null if {@code c} would complete a claim the judge does not allow. */
    public State next(State s, char c, Judge judge) {
        if (s instanceof Free f) {
            return free(f, c, judge);
        }
        if (s instanceof Tag t) {
            return c == '>' ? next(t.resume(), ' ', judge) : t;
        }
        if (s instanceof Dollar d) {
            if (!d.spaced() && (c == ' ' || c == '\t')) {
                return new Dollar(true);
            }
            return Character.isDigit(c) ? new Price() : free(new Free(false, 0), c, judge);
        }
        if (s instanceof Price) {
            return Character.isDigit(c) || c == '.' || c == ',' ? s : free(new Free(true, 0), c, judge);
        }
        if (s instanceof Number n) {
            return number(n, c, judge);
        }
        Tail t = (Tail) s;
        if (c == '<') {
            return new Tag(t);
        }
        return tail(t.number(), t.rated(), append(t.tail(), c), judge);
    }

    private static State free(Free f, char c, Judge judge) {
        if (c == '<') {
            return new Tag(f);
        }
        if (c == '$') {
            return new Dollar(false);
        }
        if (Character.isDigit(c)) {
            boolean rated = f.rated() == 6;
            return rated && !judge.ratingPrefix(String.valueOf(c)) ? null : new Number(String.valueOf(c), rated);
        }
        boolean space = Character.isWhitespace(c);
        if (f.rated() >= 5 && space) {
            return new Free(false, 6);
        }
        char lower = Character.toLowerCase(c);
        if (f.rated() < 5 && lower == RATED.charAt(f.rated()) && (f.rated() > 0 || !f.inWord())) {
            return new Free(true, f.rated() + 1);
        }
        return new Free(wordChar(c), 0);
    }

    private State number(Number n, char c, Judge judge) {
        String text = n.text();
        boolean openSeparator = endsWithSeparator(text);
        if (Character.isDigit(c)) {
            String longer = text + c;
            return n.rated() && !judge.ratingPrefix(longer.replace(",", "")) ? null : new Number(longer, n.rated());
        }
        // A '.' or ',' may join digits, but never after a decimal point: "4.5." ends the number at "4.5".
        if ((c == '.' || c == ',') && !openSeparator && text.indexOf('.') < 0) {
            return new Number(text + c, n.rated());
        }
        // The number ends here; a separator not followed by a digit belongs to the words after it.
        String number = strip(text);
        if (n.rated() && !judge.rating(value(number))) {
            return null;
        }
        String tail = openSeparator ? text.substring(text.length() - 1) : "";
        if (c == '<') {
            return new Tag(new Tail(number, n.rated(), tail));
        }
        return tail(number, n.rated(), append(tail, c), judge);
    }

    private State tail(String number, boolean rated, String tail, Judge judge) {
        Decision d = decide(tail, false);
        if (d.pending()) {
            return new Tail(number, rated, tail);
        }
        if (d.unit() != null && !allowed(d.unit(), number, judge)) {
            return null;
        }
        // Read what follows the unit (or, for a plain count, the words after the number) as text again.
        return run(new Free(true, 0), tail.substring(d.consumed()), judge);
    }

    private static boolean allowed(Unit u, String number, Judge judge) {
        double v = value(number);
        return u.rating() ? judge.rating(v) : judge.measure(v, u.canonical());
    }

    /** What the words after a number say: still open, no unit, or this unit ending at {@code consumed}. */
    private record Decision(boolean pending, Unit unit, int consumed) {
    }

    private static final Decision PENDING = new Decision(true, null, 0);
    private static final Decision NO_UNIT = new Decision(false, null, 0);

    private Decision decide(String tail, boolean atEnd) {
        int i = 0;
        int newlines = 0;
        while (i < tail.length() && Character.isWhitespace(tail.charAt(i))) {
            newlines += tail.charAt(i++) == '\n' ? 1 : 0;
        }
        if (i < tail.length() && tail.charAt(i) == '-') {
            i++;
            while (i < tail.length() && Character.isWhitespace(tail.charAt(i))) {
                newlines += tail.charAt(i++) == '\n' ? 1 : 0;
            }
        }
        if (newlines > 1) {
            return NO_UNIT;
        }
        String rest = tail.substring(i).toLowerCase(Locale.ROOT);
        if (rest.isEmpty()) {
            return atEnd ? NO_UNIT : PENDING;
        }
        List<Unit> candidates = byFirstChar.getOrDefault(rest.charAt(0), List.of());
        if (!atEnd) {
            for (Unit u : candidates) {
                if (u.spelling().startsWith(rest)) {
                    return PENDING;
                }
            }
        }
        for (Unit u : candidates) {
            String s = u.spelling();
            if (!rest.startsWith(s)) {
                continue;
            }
            if (rest.length() == s.length() ? atEnd : boundary(u, rest.charAt(s.length()))) {
                return new Decision(false, u, i + s.length());
            }
        }
        return NO_UNIT;
    }

    /**
     * The character after a unit that lets it stand as one, read as the claim extractor does but never
     * stricter: a measure unit before anything but an ASCII letter or digit, "stars" and "out of 5" at a
     * word end, "/5" before anything but a digit.
     */
    private static boolean boundary(Unit u, char next) {
        if (u.rating() && u.spelling().startsWith("/")) {
            return !Character.isDigit(next);
        }
        boolean asciiAlnum = next < 128 && Character.isLetterOrDigit(next);
        return !asciiAlnum && !(u.rating() && next == '_');
    }

    /** Runs of spaces collapse to one, as in the metrics' plain text; the tail stays short. */
    private static String append(String tail, char c) {
        if ((c == ' ' || c == '\t') && tail.endsWith(" ")) {
            return tail;
        }
        return tail + (c == '\t' ? ' ' : c);
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean endsWithSeparator(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == ',';
    }

    private static String strip(String text) {
        return endsWithSeparator(text) ? text.substring(0, text.length() - 1) : text;
    }

    /** The value of a written number ("1,250" → 1250); NaN (equal to no value) if it is not one. */
    static double value(String number) {
        try {
            return Double.parseDouble(number.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A claim found by {@link #read}. */
    public record Claim(double value, String unit, boolean rating) {
    }

    /** The ratings and measures a text states, read by the same automaton (for evidence and questions). */
    public List<Claim> read(String text) {
        List<Claim> out = new ArrayList<>();
        Judge recorder = new Judge() {
            @Override
            public boolean rating(double value) {
                out.add(new Claim(value, "", true));
                return true;
            }

            @Override
            public boolean ratingPrefix(String spelled) {
                return true;
            }

            @Override
            public boolean measure(double value, String canonicalUnit) {
                out.add(new Claim(value, canonicalUnit, false));
                return true;
            }
        };
        State s = run(START, text, recorder);
        canEnd(s, recorder);
        return out;
    }
}
