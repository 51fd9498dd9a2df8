package attndx.metrics;

/**
 * Diagnostic metrics of one binary problem: the positive class of a binary task, one class versus
 * the rest of a multi-class task, or one label of a multi-label task (paper 7.4, 7.6).
 *
 * @param name class or label name
 * @param positives images where it is present
 * @param negatives images where it is absent
 * @param auc ROC AUC with CI
 * @param atSpecificity sensitivity at the configured specificity
 * @param atSensitivity specificity at the configured sensitivity
 * @param atThreshold decision metrics at the configured probability threshold
 */
public record ClassMetrics(String name, int positives, int negatives, Estimate auc, FixedSpecificity atSpecificity,
        FixedSensitivity atSensitivity, ThresholdMetrics atThreshold) {
}
