package attndx.metrics;

import java.util.List;

/**
 * Settings of an evaluation (paper 7.4-7.7, 9.4).
 *
 * @param bootstrap patient-level bootstrap settings
 * @param targetSpecificity specificity at which sensitivity is reported, in (0, 1]
 * @param targetSensitivity sensitivity at which specificity is reported, in (0, 1]
 * @param decisionThreshold probability threshold for accuracy, sensitivity, specificity, PPV, NPV, in [0, 1]
 * @param calibrationBins bins of the reliability diagrams and ECE, in [1, 1000]
 * @param coverages coverages at which selective prediction is reported, each in (0, 1]
 * @param abstentionCoverage coverage the abstention threshold tau is chosen for on validation data, in (0, 1]
 */
public record EvaluationConfig(BootstrapConfig bootstrap, double targetSpecificity, double targetSensitivity,
        double decisionThreshold, int calibrationBins, List<Double> coverages, double abstentionCoverage) {

    public EvaluationConfig {
        if (bootstrap == null) {
            throw new IllegalArgumentException("bootstrap settings are required");
        }
        requireUnit("targetSpecificity", targetSpecificity, false);
        requireUnit("targetSensitivity", targetSensitivity, false);
        requireUnit("decisionThreshold", decisionThreshold, true);
        requireUnit("abstentionCoverage", abstentionCoverage, false);
        if (calibrationBins < 1 || calibrationBins > 1000) {
            throw new IllegalArgumentException("calibrationBins must be in [1, 1000], found " + calibrationBins);
        }
        coverages = List.copyOf(coverages);
        for (double c : coverages) {
            requireUnit("coverages", c, false);
        }
    }

    /** Bootstrap 1000 x 95% (seed 42), specificity/sensitivity targets 0.90, threshold 0.5, 15 bins,
     *  coverages 0.8/0.9/0.95, tau chosen for 90% coverage. */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(BootstrapConfig.defaults(), 0.90, 0.90, 0.5, 15, List.of(0.8, 0.9, 0.95), 0.9);
    }

    /** This config with another bootstrap setting. */
    public EvaluationConfig withBootstrap(BootstrapConfig b) {
        return new EvaluationConfig(b, targetSpecificity, targetSensitivity, decisionThreshold, calibrationBins,
                coverages, abstentionCoverage);
    }

    private static void requireUnit(String field, double v, boolean zeroAllowed) {
        if (!((zeroAllowed ? v >= 0 : v > 0) && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]")
                    + ", found " + v);
        }
    }
}
