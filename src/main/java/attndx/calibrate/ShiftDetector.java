package attndx.calibrate;

import attndx.core.AttndxException;

/**
 * Per-image shift flagging and cohort-level shift testing (paper 10.3). The score is either the
 * {@link MahalanobisShift} distance on features or the energy of the logits ({@link ShiftScores#energy});
 * the flag threshold is set on validation scores at a chosen false-flag rate, and a cohort is compared
 * with the validation scores by a two-sample KS test.
 *
 * @param method "mahalanobis" or "energy"
 * @param mahalanobis the fitted feature scorer (null for energy)
 * @param energyTemperature temperature of the energy score (unused for Mahalanobis)
 * @param falseFlagRate the fraction of validation images allowed above the threshold
 * @param threshold images scoring above it are flagged
 * @param validationScores the validation scores (reference distribution of the KS test)
 */
public record ShiftDetector(String method, MahalanobisShift mahalanobis, double energyTemperature, double falseFlagRate,
        double threshold, double[] validationScores) {

    /** Mahalanobis detector: fitted on training features, thresholded on validation features. */
    public static ShiftDetector mahalanobis(double[][] trainFeatures, int[] trainLabels, double[][] validationFeatures,
            double falseFlagRate) {
        MahalanobisShift m = MahalanobisShift.fit(trainFeatures, trainLabels);
        double[] v = m.score(validationFeatures);
        return new ShiftDetector("mahalanobis", m, Double.NaN, falseFlagRate,
                ShiftScores.thresholdAtFalseFlagRate(v, falseFlagRate), v);
    }

    /** Energy detector at temperature {@code t}, thresholded on validation logits. */
    public static ShiftDetector energy(double[][] validationLogits, double t, double falseFlagRate) {
        double[] v = ShiftScores.energy(validationLogits, t);
        return new ShiftDetector("energy", null, t, falseFlagRate, ShiftScores.thresholdAtFalseFlagRate(v, falseFlagRate),
                v);
    }

    /** Scores a cohort from its logits or features (whichever this detector uses). */
    public double[] score(double[][] logits, double[][] features) {
        if (mahalanobis != null) {
            if (features == null) {
                throw new AttndxException("the Mahalanobis shift score needs features, none were given");
            }
            return mahalanobis.score(features);
        }
        if (logits == null) {
            throw new AttndxException("the energy shift score needs logits, none were given");
        }
        return ShiftScores.energy(logits, energyTemperature);
    }

    /** Flag rate and KS comparison of a cohort's scores with the validation scores. */
    public CohortShift test(double[] cohortScores) {
        return new CohortShift(ShiftScores.flagRate(cohortScores, threshold),
                cohortScores.length < 2 ? null : KsResult.compare(validationScores, cohortScores));
    }

    /**
     * A cohort's shift summary.
     *
     * @param flagRate fraction of the cohort's images above the threshold
     * @param ks KS comparison with the validation scores (null for fewer than 2 images)
     */
    public record CohortShift(double flagRate, KsResult ks) {
    }
}
