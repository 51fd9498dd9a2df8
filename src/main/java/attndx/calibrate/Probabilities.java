package attndx.calibrate;

/** Numerically stable softmax, sigmoid and log-sum-exp on plain arrays (paper 5.1, 5.6). */
public final class Probabilities {
    private Probabilities() {}

    /** {@code log(sum_j exp(x_j / t))}, shifted by the maximum so large logits do not overflow. */
    public static double logSumExp(double[] x, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v / t);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v / t - max);
        }
        return max + Math.log(s);
    }

    /** {@code softmax(x / t)}. */
    public static double[] softmax(double[] x, double t) {
        double lse = logSumExp(x, t);
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            p[j] = Math.exp(x[j] / t - lse);
        }
        return p;
    }

    /** The logistic function {@code 1 / (1 + exp(-z))}, evaluated without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code log(sigmoid(z)) = -log(1 + exp(-z))}, exact for large |z|. */
    public static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
}
