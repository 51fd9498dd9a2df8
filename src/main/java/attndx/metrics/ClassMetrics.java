package attndx.metrics;

/**
 * Diagnostic metrics of one binary problem: the positive class of a binary task, one class versus
 * the rest of a multi-class task, or one label of a multi-label task (paper 7.4, 7.6).
 *
 * @param name class or label name
 * @param positives images where it is present
 * @param negatives images where it is absent
 * @param auc ROC AUC with CI
 * @param atSpecificity sensitivity at the configured specificity, the threshold chosen on the test images
 *     themselves (optimistic: no deployment can choose its threshold on the cases it is judged on)
 * @param atSensitivity specificity at the configured sensitivity
 * @param atThreshold decision metrics at the configured probability threshold
 * @param atValidationThreshold sensitivity and specificity at the threshold chosen on validation for the
 *     configured specificity, applied unchanged to test (the figure a deployment would see); null when no
 *     validation predictions were given
 */
public record ClassMetrics(String name, int positives, int negatives, Estimate auc, FixedSpecificity atSpecificity,
        FixedSensitivity atSensitivity, ThresholdMetrics atThreshold, ValidationOperatingPoint atValidationThreshold) {
}
