package dev.aisle.datasets.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Expands the small template language the shelves are written in: {@code [a|b|c]} picks one
 * alternative (nestable, an empty alternative makes the group optional) and {@code {key}} looks
 * a variable up. Writing alternatives inline keeps each sentence's variants next to each other,
 * which is what makes the generated text varied without becoming ungrammatical.
 */
public final class Phrase {

    private Phrase() {
    }

    public static String expand(String template, Rng rng, Function<String, String> vars) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        expandInto(template, 0, template.length(), rng, vars, out);
        return tidy(out);
    }

    private static void expandInto(String t, int from, int to, Rng rng, Function<String, String> vars,
                                   StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = t.charAt(i);
            if (c == '[') {
                int close = matching(t, i, to);
                List<int[]> alternatives = alternatives(t, i + 1, close);
                int[] chosen = alternatives.get(rng.below(alternatives.size()));
                expandInto(t, chosen[0], chosen[1], rng, vars, out);
                i = close + 1;
            } else if (c == '{') {
                int close = t.indexOf('}', i);
                if (close < 0 || close > to) {
                    throw new IllegalArgumentException("unclosed '{' at " + i + " in: " + t);
                }
                String key = t.substring(i + 1, close);
                String value = vars.apply(key);
                if (value == null) {
                    throw new IllegalArgumentException("unknown variable {" + key + "} in: " + t);
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private static int matching(String t, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = t.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '[' at " + open + " in: " + t);
    }

    private static List<int[]> alternatives(String t, int from, int to) {
        List<int[]> result = new ArrayList<>(4);
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                result.add(new int[] {start, i});
                start = i + 1;
            }
        }
        result.add(new int[] {start, to});
        return result;
    }

    /** Removes the double spaces and space-before-punctuation that optional groups leave behind. */
    private static String tidy(StringBuilder s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            if ((c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
                    && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /** Upper-cases the first letter, as at the start of a sentence. */
    public static String capitalize(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
