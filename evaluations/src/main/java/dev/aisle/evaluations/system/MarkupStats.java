package dev.aisle.evaluations.system;

/**
 * Markup counts of one answer as the markup parser saw them.
 *
 * @param validElements   well-formed, known elements whose ids resolved
 * @param invalidElements malformed tags, unknown elements, unknown ids or link targets (shown as text)
 */
public record MarkupStats(int validElements, int invalidElements) {

    public MarkupStats {
        if (validElements < 0 || invalidElements < 0) {
            throw new IllegalArgumentException("markup counts must be >= 0, got " + validElements + "/" + invalidElements);
        }
    }

    public int total() {
        return validElements + invalidElements;
    }
}
