package attndx.calibrate;

/**
 * Calibration of one set of probabilities (paper 5.6, A.1): top-label ECE with equal-width bins,
 * adaptive ECE with equal-mass bins, MCE, Brier score and NLL, plus the diagrams behind them.
 * Top-label means: confidence = the largest class probability, correct = that class is the truth;
 * a multi-label task is measured per label as a binary problem {@code [1-p, p]}.
 *
 * @param temperature the temperature the probabilities were computed at (1 = uncalibrated)
 * @param ece expected calibration error, equal-width bins
 * @param adaptiveEce expected calibration error, equal-mass bins
 * @param mce maximum calibration error over non-empty equal-width bins
 * @param brier mean over images of {@code sum_k (p_k - y_k)^2}
 * @param nll mean negative log-likelihood (see {@link NegativeLogLikelihood})
 * @param equalWidth the equal-width reliability diagram
 * @param equalMass the equal-mass reliability diagram
 */
public record CalibrationMetrics(double temperature, double ece, double adaptiveEce, double mce, double brier,
        double nll, ReliabilityDiagram equalWidth, ReliabilityDiagram equalMass) {

    /** Measures {@code p} at temperature {@code t} with {@code bins} bins; metrics are NaN when empty. */
    public static CalibrationMetrics of(Predictions p, double t, int bins) {
        double[][] prob = p.probabilities(t);
        boolean[][] truth = p.targets();
        int n = p.size();
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        double brier = 0;
        for (int i = 0; i < n; i++) {
            int top = argmax(prob[i]);
            confidence[i] = prob[i][top];
            correct[i] = truth[i][top];
            for (int j = 0; j < prob[i].length; j++) {
                double d = prob[i][j] - (truth[i][j] ? 1 : 0);
                brier += d * d;
            }
        }
        ReliabilityDiagram width = Reliability.equalWidth(confidence, correct, bins);
        ReliabilityDiagram mass = Reliability.equalMass(confidence, correct, bins);
        return new CalibrationMetrics(t, width.ece(), mass.ece(), width.mce(), n == 0 ? Double.NaN : brier / n,
                NegativeLogLikelihood.of(p, t), width, mass);
    }

    /** Top-label ECE at temperature {@code t}; for multi-label tasks the mean over the labels. */
    public static double meanEce(Predictions p, double t, int bins) {
        if (p.task() != attndx.data.TaskType.MULTILABEL) {
            return of(p, t, bins).ece();
        }
        double sum = 0;
        for (int j = 0; j < p.logitCount(); j++) {
            sum += of(p.label(j), t, bins).ece();
        }
        return sum / p.logitCount();
    }

    /** Index of the largest entry (first on ties). */
    public static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
