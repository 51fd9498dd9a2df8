package attndx.metrics;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostic metrics of a whole task with patient-level bootstrap CIs (paper 7.4, 7.6): per-class
 * (one-vs-rest) metrics, macro AUC (mean over classes with a defined AUC) and micro AUC (all
 * image-class pairs pooled, each weighted by its image's multiplicity), and top-1 accuracy. Every
 * figure is evaluated on the same resamples.
 */
public final class DiagnosticMetrics {
    private DiagnosticMetrics() {}

    /**
     * Evaluates probabilities {@code prob} ({@code n x c}, columns as in
     * {@link attndx.calibrate.Predictions#probabilities}) against {@code truth} ({@code n x c}).
     */
    public static DiagnosticSummary evaluate(TaskType task, double[][] prob, boolean[][] truth, List<String> names,
            PatientGroups groups, EvaluationConfig config, List<String> warnings) {
        return evaluate(task, prob, truth, names, groups, config, null, null, warnings);
    }

    /**
     * As above, and, given validation probabilities {@code valProb} with truth {@code valTruth} (same columns),
     * each class's sensitivity and specificity on test at the threshold chosen on validation for the target
     * specificity ({@link ValidationOperatingPoint}).
     */
    public static DiagnosticSummary evaluate(TaskType task, double[][] prob, boolean[][] truth, List<String> names,
            PatientGroups groups, EvaluationConfig config, double[][] valProb, boolean[][] valTruth,
            List<String> warnings) {
        int n = prob.length;
        int c = n == 0 ? names.size() : prob[0].length;
        List<BinaryView> views = new ArrayList<>();
        for (int j = task == TaskType.BINARY ? 1 : 0; j < c; j++) {
            OperatingPoint chosen = valProb == null ? null
                    : ValidationOperatingPoint.choose(column(valProb, j), column(valTruth, j), config.targetSpecificity());
            views.add(new BinaryView(names.get(j), column(prob, j), column(truth, j), config, chosen, valProb != null));
        }
        boolean pooled = task != TaskType.BINARY;
        RankedScores micro = pooled ? micro(prob, truth) : null;
        boolean[] correct = task == TaskType.MULTILABEL ? null : topOneCorrect(prob, truth);
        int dims = views.size() * BinaryView.DIMS + 3;
        Estimate[] e = Bootstrap.estimate(groups, config.bootstrap(), dims, w -> {
            double[] out = new double[dims];
            double aucSum = 0;
            int defined = 0;
            for (int v = 0; v < views.size(); v++) {
                double[] s = views.get(v).statistics(w);
                System.arraycopy(s, 0, out, v * BinaryView.DIMS, BinaryView.DIMS);
                if (!Double.isNaN(s[0])) {
                    aucSum += s[0];
                    defined++;
                }
            }
            out[dims - 3] = defined == 0 ? Double.NaN : aucSum / defined;
            out[dims - 2] = pooled ? micro.auc(w) : Double.NaN;
            out[dims - 1] = correct == null ? Double.NaN : weightedMean(correct, w);
            return out;
        });
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            perClass.add(views.get(v).metrics(e, v * BinaryView.DIMS, warnings));
        }
        if (pooled) {
            warnMacro(perClass, warnings);
        }
        return new DiagnosticSummary(perClass, pooled ? e[dims - 3] : null, pooled ? e[dims - 2] : null,
                correct == null ? null : e[dims - 1]);
    }

    private static void warnMacro(List<ClassMetrics> perClass, List<String> warnings) {
        List<String> undefined = perClass.stream().filter(m -> Double.isNaN(m.auc().value())).map(ClassMetrics::name)
                .toList();
        if (!undefined.isEmpty()) {
            warnings.add("macro AUC averages " + (perClass.size() - undefined.size()) + " of " + perClass.size()
                    + " classes; AUC undefined for " + undefined);
        }
    }

    private static RankedScores micro(double[][] prob, boolean[][] truth) {
        int c = prob.length == 0 ? 0 : prob[0].length;
        double[] s = new double[prob.length * c];
        boolean[] y = new boolean[s.length];
        int[] item = new int[s.length];
        for (int i = 0; i < prob.length; i++) {
            for (int j = 0; j < c; j++) {
                s[i * c + j] = prob[i][j];
                y[i * c + j] = truth[i][j];
                item[i * c + j] = i;
            }
        }
        return RankedScores.of(s, y, item);
    }

    private static boolean[] topOneCorrect(double[][] prob, boolean[][] truth) {
        boolean[] ok = new boolean[prob.length];
        for (int i = 0; i < prob.length; i++) {
            ok[i] = truth[i][attndx.calibrate.CalibrationMetrics.argmax(prob[i])];
        }
        return ok;
    }

    private static double weightedMean(boolean[] correct, int[] w) {
        double hits = 0;
        double total = 0;
        for (int i = 0; i < correct.length; i++) {
            hits += correct[i] ? w[i] : 0;
            total += w[i];
        }
        return total == 0 ? Double.NaN : hits / total;
    }

    static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][j];
        }
        return out;
    }

    static boolean[] column(boolean[][] m, int j) {
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][j];
        }
        return out;
    }
}
