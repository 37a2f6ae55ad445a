package dev.aisle.engine.generate;

import java.util.Collection;
import java.util.Optional;

/**
 * How a catalogue's product ids look, learned from the ids themselves: the prefix they all share
 * ("B0") and whether their other characters are upper-case letters and digits only ("B0M8ZN9JGS").
 * A word in free text that starts with the prefix and goes on with such a character has begun to spell
 * an id. Immutable.
 *
 * @param prefix         what every id starts with, at least {@value #MIN_PREFIX} characters
 * @param upperAlnumBody whether every id's characters after the prefix are A–Z or 0–9 (else any letter or digit continues one)
 */
public record ProductIdShape(String prefix, boolean upperAlnumBody) {

    /** A shorter shared prefix would catch ordinary words ("B" starts "Best"). */
    public static final int MIN_PREFIX = 2;

    public ProductIdShape {
        if (prefix == null || prefix.length() < MIN_PREFIX || !prefix.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("an id prefix needs at least " + MIN_PREFIX
                    + " letters or digits, got '" + prefix + "'");
        }
    }

    /** The shape of {@code ids}, or empty when they share no prefix of letters and digits long enough to tell ids from words. */
    public static Optional<ProductIdShape> of(Collection<String> ids) {
        if (ids.size() < 2) {
            return Optional.empty();
        }
        String prefix = null;
        boolean upper = true;
        for (String id : ids) {
            prefix = prefix == null ? id : common(prefix, id);
        }
        int n = 0;
        while (n < prefix.length() && Character.isLetterOrDigit(prefix.charAt(n))) {
            n++;
        }
        prefix = prefix.substring(0, n);
        if (prefix.length() < MIN_PREFIX) {
            return Optional.empty();
        }
        for (String id : ids) {
            upper &= id.substring(prefix.length()).chars().allMatch(ProductIdShape::upperAlnum);
        }
        return Optional.of(new ProductIdShape(prefix, upper));
    }

    /** Whether {@code c} may follow the prefix in an id. */
    public boolean continues(char c) {
        return upperAlnumBody ? upperAlnum(c) : Character.isLetterOrDigit(c);
    }

    private static boolean upperAlnum(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String common(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
