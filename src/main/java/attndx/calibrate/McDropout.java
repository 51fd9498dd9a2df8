package attndx.calibrate;

/**
 * Summaries of MC-dropout passes (Gal and Ghahramani 2016; paper 5.6): predictive entropy of the
 * mean distribution and mutual information between prediction and weights
 * {@code I = H[mean_t p_t] - mean_t H[p_t]}. The passes themselves are produced by model code; this
 * works on their probabilities {@code [passes][n][k]}, each row a categorical distribution. For a
 * multi-label output, call it per label with rows {@code [1-p, p]}.
 */
public final class McDropout {
    private McDropout() {}

    /** Summarises {@code probs[t][i][j]}: pass t, image i, class j. */
    public static McDropoutSummary summarise(double[][][] probs) {
        int passes = probs.length;
        if (passes == 0) {
            throw new IllegalArgumentException("MC-dropout needs at least one pass, found 0");
        }
        int n = probs[0].length;
        int k = n == 0 ? 0 : probs[0][0].length;
        double[][] mean = new double[n][k];
        double[] expected = new double[n];
        for (int t = 0; t < passes; t++) {
            check(probs[t], t, n, k);
            for (int i = 0; i < n; i++) {
                expected[i] += entropy(probs[t][i]) / passes;
                for (int j = 0; j < k; j++) {
                    mean[i][j] += probs[t][i][j] / passes;
                }
            }
        }
        double[] predictive = new double[n];
        double[] mutual = new double[n];
        for (int i = 0; i < n; i++) {
            predictive[i] = entropy(mean[i]);
            // Entropy is concave, so I >= 0 exactly; clamp the rounding error.
            mutual[i] = Math.max(0, predictive[i] - expected[i]);
        }
        return new McDropoutSummary(mean, predictive, expected, mutual);
    }

    /** Shannon entropy in nats, with {@code 0 log 0 = 0}. */
    public static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    private static void check(double[][] pass, int t, int n, int k) {
        if (pass.length != n) {
            throw new IllegalArgumentException("pass " + t + " has " + pass.length + " images, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (pass[i].length != k) {
                throw new IllegalArgumentException("pass " + t + " image " + i + " has " + pass[i].length
                        + " probabilities, expected " + k);
            }
            for (double v : pass[i]) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("pass " + t + " image " + i + " has probability " + v
                            + ", expected a value in [0, 1]");
                }
            }
        }
    }
}
