package attndx.metrics;

import java.util.List;

/**
 * One binary problem prepared for bootstrapping: {@link #statistics} maps image weights to the
 * {@value #DIMS} values of a {@link ClassMetrics} (AUC, sensitivity at specificity, specificity at
 * sensitivity, accuracy, sensitivity, specificity, PPV, NPV at the threshold, then sensitivity and
 * specificity at the validation-chosen threshold, NaN without one).
 */
final class BinaryView {
    static final int DIMS = 10;
    private final String name;
    private final boolean[] truth;
    private final RankedScores ranked;
    private final EvaluationConfig config;
    private final OperatingPoint validationPoint;
    private final boolean hasValidation;

    /**
     * @param validation the threshold chosen on validation for the target specificity (null when validation
     *     has a single class)
     * @param hasValidation whether validation predictions were given at all
     */
    BinaryView(String name, double[] scores, boolean[] truth, EvaluationConfig config, OperatingPoint validation,
            boolean hasValidation) {
        this.name = name;
        this.truth = truth;
        this.ranked = RankedScores.of(scores, truth);
        this.config = config;
        this.validationPoint = validation;
        this.hasValidation = hasValidation;
    }

    RankedScores ranked() {
        return ranked;
    }

    double[] statistics(int[] w) {
        OperatingPoint s = ranked.sensitivityAtSpecificity(config.targetSpecificity(), w);
        OperatingPoint p = ranked.specificityAtSensitivity(config.targetSensitivity(), w);
        Confusion c = ranked.confusion(config.decisionThreshold(), w);
        Confusion v = validationPoint == null ? null : ranked.confusion(validationPoint.threshold(), w);
        return new double[] {ranked.auc(w), s == null ? Double.NaN : s.sensitivity(),
            p == null ? Double.NaN : p.specificity(), c.accuracy(), c.sensitivity(), c.specificity(), c.ppv(),
            c.npv(), v == null ? Double.NaN : v.sensitivity(), v == null ? Double.NaN : v.specificity()};
    }

    /** Assembles the metrics from this view's slice of the estimates, warning about undefined ones. */
    ClassMetrics metrics(Estimate[] all, int offset, List<String> warnings) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0 || positives == truth.length) {
            warnings.add(BinaryTruth.undefinedWarning("AUC and operating points", "class '" + name + "'", truth));
        }
        OperatingPoint s = ranked.sensitivityAtSpecificity(config.targetSpecificity(), null);
        OperatingPoint p = ranked.specificityAtSensitivity(config.targetSensitivity(), null);
        Estimate ppv = all[offset + 6];
        if (Double.isNaN(ppv.value()) && positives > 0 && positives < truth.length) {
            warnings.add("PPV undefined for class '" + name + "': no image has probability >= "
                    + config.decisionThreshold() + "; reported as NaN");
        }
        if (hasValidation && validationPoint == null) {
            warnings.add("no validation-chosen operating point for class '" + name + "': the validation split has"
                    + " a single class; reported as NaN");
        }
        ValidationOperatingPoint chosen = !hasValidation ? null : new ValidationOperatingPoint(
                config.targetSpecificity(), validationPoint == null ? Double.NaN : validationPoint.threshold(),
                validationPoint == null ? Double.NaN : validationPoint.sensitivity(),
                validationPoint == null ? Double.NaN : validationPoint.specificity(), all[offset + 8], all[offset + 9]);
        return new ClassMetrics(name, positives, truth.length - positives, all[offset],
                new FixedSpecificity(config.targetSpecificity(), s == null ? Double.NaN : s.threshold(),
                        s == null ? Double.NaN : s.specificity(), all[offset + 1]),
                new FixedSensitivity(config.targetSensitivity(), p == null ? Double.NaN : p.threshold(),
                        p == null ? Double.NaN : p.sensitivity(), all[offset + 2]),
                new ThresholdMetrics(config.decisionThreshold(), all[offset + 3], all[offset + 4], all[offset + 5],
                        ppv, all[offset + 7]), chosen);
    }
}
