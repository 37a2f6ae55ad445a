package dev.aisle.evaluations.suite;

/**
 * A reference fact or constraint: {@code ("B0TRL001", "drop", "4 mm")}, or with product
 * {@code "*"} a constraint on every recommended product: {@code max_price}, {@code min_price},
 * {@code category}, {@code brand}, {@code age}, or an attribute value. Facts with product "*" named
 * {@code winner}, {@code guide} or {@code covers} describe what a good answer says, not what the
 * recommended products must satisfy, so they are not constraints.
 */
public record Fact(String productId, String field, String value) {

    public static final String ANY_PRODUCT = "*";
    private static final java.util.Set<String> NOT_CONSTRAINTS = java.util.Set.of("winner", "guide", "covers");

    public Fact {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("fact field must not be blank");
        }
        productId = productId == null || productId.isBlank() ? ANY_PRODUCT : productId;
        value = value == null ? "" : value;
    }

    public boolean isConstraint() {
        return ANY_PRODUCT.equals(productId) && !NOT_CONSTRAINTS.contains(field);
    }
}
