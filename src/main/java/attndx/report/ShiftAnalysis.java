package attndx.report;

import attndx.calibrate.Predictions;
import attndx.calibrate.ShiftDetector;
import attndx.data.TaskType;

/**
 * Chooses and fits the shift detector of an evaluation (seed section 10.3): the Mahalanobis
 * distance of the model's pooled features to the class-conditional training statistics when a
 * single-label training split is available, else the energy score of the logits; the flag
 * threshold is set on validation at the requested false-flag rate.
 */
final class ShiftAnalysis {
    private ShiftAnalysis() {}

    /** Whether the detector needs features (Mahalanobis) rather than logits alone. */
    static boolean usesFeatures(TaskType task, PreparedSplit train) {
        return task != TaskType.MULTILABEL && train != null && train.size() > 1;
    }

    static ShiftDetector fit(TaskType task, PreparedSplit.Outputs train, int[] trainLabels, PreparedSplit.Outputs val,
            double temperature, double falseFlagRate) {
        if (train != null) {
            return ShiftDetector.mahalanobis(Predictions.widen(train.features()), trainLabels,
                    Predictions.widen(val.features()), falseFlagRate);
        }
        return ShiftDetector.energy(Predictions.widen(val.logits()), temperature, falseFlagRate);
    }

    /** The cohort-level comparison of {@code cohort} with validation. */
    static ShiftDetector.CohortShift test(ShiftDetector detector, PreparedSplit.Outputs cohort) {
        return detector.test(detector.score(Predictions.widen(cohort.logits()),
                cohort.features() == null ? null : Predictions.widen(cohort.features())));
    }
}
