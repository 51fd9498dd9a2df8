package attndx.metrics;

import attndx.calibrate.CalibrationMetrics;
import attndx.calibrate.Predictions;
import attndx.data.TaskType;
import attndx.train.ValidationScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's per-epoch validation figures (seed section 5.3: selection by validation AUC and
 * calibration error): AUC (binary, or macro over classes / labels with a defined AUC), ECE of
 * the uncalibrated probabilities with 15 equal-width bins, and accuracy. No bootstrap: the
 * trainer needs point values, every epoch, fast.
 */
public final class TrainingValidation implements ValidationScorer {
    private static final int BINS = 15;

    @Override
    public ValidationScore score(TaskType task, float[][] logits, int[] labels, boolean[][] multiHot) {
        Predictions p = task == TaskType.MULTILABEL ? Predictions.multiLabel(Predictions.widen(logits), multiHot)
                : Predictions.singleLabel(task, Predictions.widen(logits), labels);
        double[][] prob = p.probabilities(1.0);
        boolean[][] truth = p.targets();
        double auc = macroAuc(task, prob, truth);
        double ece = task == TaskType.MULTILABEL ? meanLabelEce(p) : CalibrationMetrics.of(p, 1.0, BINS).ece();
        return new ValidationScore(auc, ece, accuracy(task, prob, truth));
    }

    private static double macroAuc(TaskType task, double[][] prob, boolean[][] truth) {
        int first = task == TaskType.BINARY ? 1 : 0;
        double sum = 0;
        int defined = 0;
        List<String> warnings = new ArrayList<>();
        for (int j = first; j < prob[0].length; j++) {
            double a = RocAuc.auc(DiagnosticMetrics.column(prob, j), DiagnosticMetrics.column(truth, j), "class " + j, warnings);
            if (!Double.isNaN(a)) {
                sum += a;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    private static double meanLabelEce(Predictions p) {
        int k = p.logitCount();
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += CalibrationMetrics.of(p.label(j), 1.0, BINS).ece();
        }
        return sum / k;
    }

    private static double accuracy(TaskType task, double[][] prob, boolean[][] truth) {
        int n = prob.length;
        int correct = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (task == TaskType.MULTILABEL) {
                for (int j = 0; j < prob[i].length; j++) {
                    correct += (prob[i][j] >= 0.5) == truth[i][j] ? 1 : 0;
                    total++;
                }
            } else {
                correct += truth[i][CalibrationMetrics.argmax(prob[i])] ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
