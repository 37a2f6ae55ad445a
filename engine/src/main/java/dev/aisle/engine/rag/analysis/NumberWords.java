package dev.aisle.engine.rag.analysis;

import java.util.List;

/** Small numbers written as words ("a five-year-old"). */
final class NumberWords {

    static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen");

    private NumberWords() {
    }

    static int parse(String s) {
        int i = WORDS.indexOf(s);
        if (i >= 0) {
            return i;
        }
        return (int) Math.round(Double.parseDouble(s));
    }
}
