package attndx.metrics;

import java.util.List;

/**
 * ROC AUC as a pure function (paper 7.4): the Mann-Whitney statistic with ties counted one half,
 * in O(n log n). Single-class input gives NaN and, when a warning list is passed, a warning
 * naming the problem; it never returns a made-up 0.5.
 */
public final class RocAuc {
    private RocAuc() {}

    /** AUC of {@code scores} against {@code positive}; NaN for empty or single-class input. */
    public static double auc(double[] scores, boolean[] positive) {
        return RankedScores.of(scores, positive).auc();
    }

    /** AUC of {@code scores} against labels in {0, 1}; NaN for empty or single-class input. */
    public static double auc(double[] scores, int[] labels) {
        return auc(scores, BinaryTruth.fromLabels(labels));
    }

    /** As {@link #auc(double[], boolean[])}, adding a warning about {@code what} when undefined. */
    public static double auc(double[] scores, boolean[] positive, String what, List<String> warnings) {
        double a = auc(scores, positive);
        if (Double.isNaN(a)) {
            warnings.add(BinaryTruth.undefinedWarning("AUC", what, positive));
        }
        return a;
    }
}
