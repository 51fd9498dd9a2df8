package attndx.metrics;

import attndx.calibrate.CalibrationMetrics;
import attndx.calibrate.Predictions;
import attndx.data.TaskType;
import attndx.train.ValidationScorer;
import java.util.ArrayList;

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
        double auc = RocAuc.macro(p, 1.0, "of the validation split", new ArrayList<>());
        double ece = CalibrationMetrics.meanEce(p, 1.0, BINS);
        return new ValidationScore(auc, ece, accuracy(task, prob, truth));
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
