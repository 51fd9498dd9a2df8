package attndx.calibrate;

import attndx.core.AttndxException;
import java.util.Arrays;

/**
 * Per-image shift scores from logits, and the flagging threshold set on validation scores (paper
 * 10.3). Convention for every score: higher means further from the training distribution.
 */
public final class ShiftScores {
    private ShiftScores() {}

    /**
     * Energy score (Liu et al. 2020) {@code -T logsumexp(l / T)} of each logit row; a single-logit
     * (sigmoid) output is scored as the equivalent two-class logits {@code [0, l]}.
     */
    public static double[] energy(double[][] logits, double t) {
        if (!(t > 0)) {
            throw new IllegalArgumentException("energy temperature must be > 0, found " + t);
        }
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] l = logits[i].length == 1 ? new double[] {0, logits[i][0]} : logits[i];
            e[i] = -t * Probabilities.logSumExp(l, t);
        }
        return e;
    }

    /**
     * The threshold above which a score is flagged, so that at most {@code falseFlagRate} of the
     * validation scores (assumed in-distribution) exceed it: the {@code ceil((1 - rate) n)}-th smallest
     * validation score.
     */
    public static double thresholdAtFalseFlagRate(double[] validationScores, double falseFlagRate) {
        if (!(falseFlagRate >= 0 && falseFlagRate < 1)) {
            throw new IllegalArgumentException("falseFlagRate must be in [0, 1), found " + falseFlagRate);
        }
        if (validationScores.length == 0) {
            throw new AttndxException("the shift threshold needs validation scores, found 0");
        }
        double[] v = validationScores.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil((1 - falseFlagRate) * v.length - 1e-9);
        return v[Math.max(0, rank - 1)];
    }

    /** Fraction of {@code scores} strictly above {@code threshold}; NaN when empty. */
    public static double flagRate(double[] scores, double threshold) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        int flagged = 0;
        for (double s : scores) {
            flagged += s > threshold ? 1 : 0;
        }
        return (double) flagged / scores.length;
    }

    /** Checks a rectangular, finite {@code n x d} feature matrix and returns d. */
    static int checkFeatures(double[][] features, String what) {
        if (features.length == 0) {
            throw new AttndxException(what + " is empty; expected n x d with n >= 1");
        }
        int d = features[0].length;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new AttndxException(what + " row " + i + " has " + features[i].length + " columns, expected "
                        + d + " (as row 0)");
            }
            for (int a = 0; a < d; a++) {
                if (!Double.isFinite(features[i][a])) {
                    throw new AttndxException(what + "[" + i + "][" + a + "] is " + features[i][a]
                            + "; features must be finite");
                }
            }
        }
        if (d == 0) {
            throw new AttndxException(what + " has 0 columns; expected n x d with d >= 1");
        }
        return d;
    }
}
