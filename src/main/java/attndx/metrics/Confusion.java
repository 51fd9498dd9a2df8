package attndx.metrics;

/**
 * Weighted confusion counts of a binary decision; the derived rates are NaN when their denominator
 * is zero (e.g. PPV with no predicted positives).
 *
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record Confusion(double tp, double fp, double tn, double fn) {

    /** (TP + TN) / all. */
    public double accuracy() {
        return ratio(tp + tn, tp + fp + tn + fn);
    }

    /** TP / (TP + FN). */
    public double sensitivity() {
        return ratio(tp, tp + fn);
    }

    /** TN / (TN + FP). */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /** Positive predictive value TP / (TP + FP). */
    public double ppv() {
        return ratio(tp, tp + fp);
    }

    /** Negative predictive value TN / (TN + FN). */
    public double npv() {
        return ratio(tn, tn + fn);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
