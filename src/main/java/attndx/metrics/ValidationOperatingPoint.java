package attndx.metrics;

/**
 * The operating point a deployment would use (paper 7.4, 7.6): the threshold giving the target
 * specificity is chosen on the validation split (its highest-sensitivity threshold with specificity
 * {@code >=} target, as {@link RankedScores#sensitivityAtSpecificity}) and applied unchanged to the test
 * split, so the test figures are not flattered by a threshold fitted to the test images themselves. The
 * threshold stays fixed in every bootstrap resample; only the test images are resampled.
 *
 * @param targetSpecificity the specificity the threshold was chosen for on validation
 * @param threshold positive-class probability threshold from validation ({@code >=} is positive; NaN when
 *     validation has a single class)
 * @param validationSensitivity sensitivity at the threshold on validation
 * @param validationSpecificity specificity at the threshold on validation
 * @param sensitivity test sensitivity at the threshold, with CI
 * @param specificity test specificity at the threshold, with CI (it may miss the target: that is the point)
 */
public record ValidationOperatingPoint(double targetSpecificity, double threshold, double validationSensitivity,
        double validationSpecificity, Estimate sensitivity, Estimate specificity) {

    /** Chooses the threshold on validation scores {@code scores} with truth {@code truth}; null when undefined. */
    static OperatingPoint choose(double[] scores, boolean[] truth, double targetSpecificity) {
        return RankedScores.of(scores, truth).sensitivityAtSpecificity(targetSpecificity, null);
    }
}
