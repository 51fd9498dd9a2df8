package attndx.calibrate;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Mahalanobis shift score (Lee et al. 2018; paper 10.3) on the model's own features: the distance
 * of a feature vector to the nearest class-conditional training mean under one shared covariance,
 * {@code min_c sqrt((x - mu_c)^T Sigma^-1 (x - mu_c))}. Sigma is the pooled within-class covariance,
 * shrunk with {@link LedoitWolf} so it is invertible for any feature width. Scoring whitens with the
 * Cholesky factor {@code Sigma = L L^T}: the distance is {@code ||L^-1 x - L^-1 mu_c||}.
 *
 * @param classes class index of each mean (classes absent from the training features are skipped)
 * @param means class means, one row per entry of {@code classes}
 * @param choleskyLower the lower-triangular L
 * @param shrinkage the Ledoit-Wolf intensity used
 */
public record MahalanobisShift(int[] classes, double[][] means, double[][] choleskyLower, double shrinkage) {

    /**
     * Fits on training features {@code n x d} with class labels (for multi-label tasks pass any grouping,
     * e.g. all zeros for one shared mean).
     */
    public static MahalanobisShift fit(double[][] features, int[] labels) {
        int d = ShiftScores.checkFeatures(features, "training features");
        if (labels.length != features.length) {
            throw new AttndxException("training features has " + features.length + " rows but labels has "
                    + labels.length + " entries");
        }
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new AttndxException("labels[" + i + "] = " + labels[i] + " is negative");
            }
            k = Math.max(k, labels[i] + 1);
        }
        double[][] sum = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < features.length; i++) {
            count[labels[i]]++;
            for (int a = 0; a < d; a++) {
                sum[labels[i]][a] += features[i][a];
            }
        }
        double[][] centred = new double[features.length][d];
        for (int i = 0; i < features.length; i++) {
            for (int a = 0; a < d; a++) {
                centred[i][a] = features[i][a] - sum[labels[i]][a] / count[labels[i]];
            }
        }
        LedoitWolf lw = LedoitWolf.fit(centred);
        double[][] l;
        try {
            l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(lw.covariance())).getL().getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new AttndxException("cannot fit the Mahalanobis shift score: the " + features.length + " x " + d
                    + " training features have no within-class variance", e);
        }
        List<Integer> present = new ArrayList<>();
        List<double[]> means = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (count[c] > 0) {
                present.add(c);
                double[] mu = sum[c];
                for (int a = 0; a < d; a++) {
                    mu[a] /= count[c];
                }
                means.add(mu);
            }
        }
        return new MahalanobisShift(present.stream().mapToInt(Integer::intValue).toArray(),
                means.toArray(new double[0][]), l, lw.shrinkage());
    }

    /** Distance of each row of {@code features} to the nearest class mean (higher = more shifted). */
    public double[] score(double[][] features) {
        int d = choleskyLower.length;
        if (features.length > 0 && ShiftScores.checkFeatures(features, "features") != d) {
            throw new AttndxException("features have " + features[0].length + " columns, the shift score was fitted on "
                    + d);
        }
        double[][] whiteMeans = new double[means.length][];
        for (int c = 0; c < means.length; c++) {
            whiteMeans[c] = whiten(means[c]);
        }
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            double[] w = whiten(features[i]);
            double best = Double.POSITIVE_INFINITY;
            for (double[] mu : whiteMeans) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += (w[a] - mu[a]) * (w[a] - mu[a]);
                }
                best = Math.min(best, s);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }

    /** Solves {@code L y = x} by forward substitution. */
    private double[] whiten(double[] x) {
        int d = x.length;
        double[] y = new double[d];
        for (int a = 0; a < d; a++) {
            double s = x[a];
            double[] row = choleskyLower[a];
            for (int b = 0; b < a; b++) {
                s -= row[b] * y[b];
            }
            y[a] = s / row[a];
        }
        return y;
    }
}
