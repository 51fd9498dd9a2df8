package attndx.model;

/**
 * The decision rules a deployed model applies, chosen by {@code attndx evaluate} on the calibration
 * (validation) split at the stored temperature and saved in model.json next to it.
 *
 * @param chosenOn the split they were chosen on
 * @param tau abstention threshold of seed section 9.4: a case whose top-label calibrated probability is below
 *     tau is referred to standard review; null when not chosen (multi-label models)
 * @param targetCoverage the validation coverage tau was chosen for; null with tau
 * @param positiveClass the class whose probability the operating point thresholds (binary models: 1)
 * @param operatingThreshold triage operating point (seed section 10.2): a case whose calibrated probability
 *     of the positive class is {@code >=} it is flagged for expedited review; null when not chosen (not binary,
 *     or no positive validation case)
 * @param targetSensitivity the validation sensitivity the operating point was chosen for; null with it
 * @param shiftThreshold energy-score threshold (seed section 10.3) above which a single image is flagged as
 *     possibly out of distribution, set on the validation logits at the stored temperature
 * @param shiftFalseFlagRate the validation false-flag rate of {@code shiftThreshold}
 */
public record DecisionThresholds(String chosenOn, Double tau, Double targetCoverage, int positiveClass,
        Double operatingThreshold, Double targetSensitivity, double shiftThreshold, double shiftFalseFlagRate) {

    public DecisionThresholds {
        if (tau != null && !(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("decision.tau must be in [0, 1] (or null), got " + tau);
        }
        if (operatingThreshold != null && !(operatingThreshold >= 0 && operatingThreshold <= 1)
                && operatingThreshold != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("decision.operatingThreshold must be in [0, 1] (or null), got "
                    + operatingThreshold);
        }
        if (positiveClass < 0) {
            throw new IllegalArgumentException("decision.positiveClass must be >= 0, got " + positiveClass);
        }
        if (Double.isNaN(shiftThreshold)) {
            throw new IllegalArgumentException("decision.shiftThreshold must be a number, got NaN");
        }
    }
}
