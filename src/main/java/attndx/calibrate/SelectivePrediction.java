package attndx.calibrate;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Selective prediction on calibrated single-label probabilities (paper 9.4): confidence is
 * {@code max_k p_k}; cases below a threshold tau are referred to standard review. Thresholds are
 * chosen on validation data for a target coverage (or a target error, see
 * {@link RiskCoverageCurve#thresholdForRisk}) and then applied unchanged to the test set.
 */
public final class SelectivePrediction {
    /** Points of the stored risk-coverage curve (coverage steps of 1 / this). */
    static final int CURVE_POINTS = 20;

    private SelectivePrediction() {}

    /**
     * Risk-coverage summary of {@code test} at temperature {@code t}: AURC, the outcome at each of
     * {@code coverages} and along the whole curve (thresholds set on the test set itself), and, when
     * {@code validation} is given, the outcome of the tau chosen on validation for {@code targetCoverage}.
     */
    public static SelectiveReport report(Predictions test, double t, Predictions validation, List<Double> coverages,
            double targetCoverage) {
        if (test.task() == TaskType.MULTILABEL) {
            throw new IllegalArgumentException("selective prediction needs single-label predictions, task is "
                    + test.task());
        }
        double[][] prob = test.probabilities(t);
        RiskCoverageCurve curve = RiskCoverageCurve.of(confidence(prob), correct(prob, test.labels()));
        List<CoveragePoint> points = new ArrayList<>();
        for (double c : coverages) {
            points.add(apply(curve.thresholdForCoverage(c), c, test, prob));
        }
        CoveragePoint chosen = null;
        if (validation != null) {
            double[][] vp = validation.probabilities(t);
            double tau = RiskCoverageCurve.of(confidence(vp), correct(vp, validation.labels()))
                    .thresholdForCoverage(targetCoverage);
            chosen = apply(tau, targetCoverage, test, prob);
        }
        List<CoveragePoint> drawn = new ArrayList<>();
        for (int k = 1; k <= CURVE_POINTS; k++) {
            double c = (double) k / CURVE_POINTS;
            drawn.add(apply(curve.thresholdForCoverage(c), c, test, prob));
        }
        return new SelectiveReport(curve.aurc(), points, chosen, drawn);
    }

    /** Accepts the images of {@code p} (probabilities {@code prob}) with confidence {@code >= tau}. */
    public static CoveragePoint apply(double tau, double targetCoverage, Predictions p, double[][] prob) {
        int accepted = 0;
        int right = 0;
        int positives = 0;
        int truePositives = 0;
        for (int i = 0; i < prob.length; i++) {
            int top = CalibrationMetrics.argmax(prob[i]);
            if (prob[i][top] < tau) {
                continue;
            }
            accepted++;
            right += top == p.labels()[i] ? 1 : 0;
            if (p.labels()[i] == 1) {
                positives++;
                truePositives += top == 1 ? 1 : 0;
            }
        }
        Double sensitivity = p.task() == TaskType.BINARY
                ? (positives == 0 ? Double.NaN : (double) truePositives / positives) : null;
        return new CoveragePoint(targetCoverage, tau, prob.length == 0 ? Double.NaN : (double) accepted / prob.length,
                prob.length - accepted, accepted == 0 ? Double.NaN : (double) right / accepted, sensitivity);
    }

    /** Top-label confidence {@code max_k p_k} per image. */
    public static double[] confidence(double[][] prob) {
        double[] c = new double[prob.length];
        for (int i = 0; i < prob.length; i++) {
            c[i] = prob[i][CalibrationMetrics.argmax(prob[i])];
        }
        return c;
    }

    /** Whether each image's top-label prediction is its true class. */
    public static boolean[] correct(double[][] prob, int[] labels) {
        boolean[] c = new boolean[prob.length];
        for (int i = 0; i < prob.length; i++) {
            c[i] = CalibrationMetrics.argmax(prob[i]) == labels[i];
        }
        return c;
    }
}
