package attndx.train;

import attndx.data.TaskType;

/**
 * Scores the model on the validation split after each epoch, from plain arrays. The metrics live
 * above this package ({@code attndx.metrics}, {@code attndx.calibrate}), so the caller supplies
 * the implementation and the trainer never reaches upward.
 */
@FunctionalInterface
public interface ValidationScorer {

    /**
     * @param task the task type
     * @param logits n x K validation logits
     * @param labels class index per image (single-label) or null
     * @param multiHot n x K label presence (multi-label) or null
     */
    ValidationScore score(TaskType task, float[][] logits, int[] labels, boolean[][] multiHot);

    /**
     * Validation figures of one epoch.
     *
     * @param auc ROC AUC (macro for multi-class / multi-label; NaN when undefined)
     * @param ece expected calibration error of the uncalibrated probabilities
     * @param accuracy top-1 accuracy (single-label) or mean per-label accuracy at 0.5
     */
    record ValidationScore(double auc, double ece, double accuracy) {}
}
