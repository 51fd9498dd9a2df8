package attndx.metrics;

import attndx.calibrate.Predictions;
import attndx.data.TaskType;
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

    /**
     * AUC of a binary task's positive class, or the macro average over the classes (labels) of a
     * multi-class (multi-label) task whose AUC is defined; undefined classes add a warning naming
     * {@code where}. NaN when no class has a defined AUC.
     */
    public static double macro(Predictions p, double temperature, String where, List<String> warnings) {
        double[][] prob = p.probabilities(temperature);
        boolean[][] truth = p.targets();
        double sum = 0;
        int defined = 0;
        for (int j = p.task() == TaskType.BINARY ? 1 : 0; j < p.columns(); j++) {
            double a = auc(DiagnosticMetrics.column(prob, j), DiagnosticMetrics.column(truth, j),
                    "column " + j + " " + where, warnings);
            if (!Double.isNaN(a)) {
                sum += a;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }
}
