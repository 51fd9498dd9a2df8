package attndx.train;

/** Range checks for config records; messages name the field, the value and the allowed range. */
final class Validate {
    private Validate() {}

    static void range(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
