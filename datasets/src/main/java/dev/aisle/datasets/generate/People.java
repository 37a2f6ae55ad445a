package dev.aisle.datasets.generate;

import java.time.LocalDate;
import java.util.List;

/** Shopper names and dates for reviews and questions. */
final class People {

    private static final List<String> FIRST = List.of(
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen",
            "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
            "Paul", "Emily", "Andrew", "Kimberly", "Josh", "Donna", "Kevin", "Michelle", "Brian", "Carol",
            "Priya", "Wei", "Carlos", "Fatima", "Hiroshi", "Ana", "Olu", "Ingrid", "Mateo", "Aisha",
            "Liam", "Noah", "Emma", "Olivia", "Sofia", "Lucas", "Mia", "Ethan", "Grace", "Owen",
            "Tom", "Kate", "Dave", "Jen", "Rob", "Meg", "Sam", "Alex", "Jordan", "Taylor");
    private static final List<String> HANDLE_WORDS = List.of(
            "golf", "trail", "runner", "hiker", "mom", "dad", "chef", "gamer", "dog", "cat", "camp",
            "birdie", "miles", "coffee", "maker", "outdoor", "home", "tech", "bookworm", "lefty", "coach");
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 10, 31).toEpochDay() - FIRST_DAY.toEpochDay());

    private People() {
    }

    static String name(Rng rng) {
        int style = rng.below(10);
        if (style < 5) {
            return rng.pick(FIRST) + " " + (char) ('A' + rng.below(26)) + ".";
        }
        if (style < 8) {
            return rng.pick(FIRST);
        }
        if (style < 9) {
            return "Amazon Customer";
        }
        return rng.pick(HANDLE_WORDS) + rng.pick(HANDLE_WORDS) + rng.between(1, 99);
    }

    static String date(Rng rng) {
        return FIRST_DAY.plusDays(rng.below(DAYS)).toString();
    }
}
