package dev.aisle.evaluations.metric;

/**
 * A checkable statement in an answer.
 *
 * @param type  what kind of value it states
 * @param text  the words as written ("$129.99", "4.5 stars", "8 mm", "B0GLV12345")
 * @param value the number stated (price, rating, measure); 0 for product claims
 * @param unit  canonical unit of a measure ("mm"); "" otherwise
 * @param productId the product id of a product claim; "" otherwise
 */
public record Claim(Type type, String text, double value, String unit, String productId) {

    public enum Type { PRICE, RATING, MEASURE, PRODUCT }

    public Claim {
        unit = unit == null ? "" : unit;
        productId = productId == null ? "" : productId;
    }

    public static Claim price(String text, double value) {
        return new Claim(Type.PRICE, text, value, "", "");
    }

    public static Claim rating(String text, double value) {
        return new Claim(Type.RATING, text, value, "", "");
    }

    public static Claim measure(String text, double value, String unit) {
        return new Claim(Type.MEASURE, text, value, unit, "");
    }

    public static Claim product(String id) {
        return new Claim(Type.PRODUCT, id, 0, "", id);
    }

    /** Same type and same value (prices to the cent, ratings to 0.05, measures to 1e-6 relative). */
    public boolean sameValueAs(Claim other) {
        if (type != other.type) {
            return false;
        }
        return switch (type) {
            case PRICE -> Math.abs(value - other.value) < 0.005;
            case RATING -> Math.abs(value - other.value) < 0.05;
            case MEASURE -> unit.equals(other.unit) && ClaimValues.equalMeasure(value, other.value);
            case PRODUCT -> productId.equals(other.productId);
        };
    }
}
