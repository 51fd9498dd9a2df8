package attndx.train;

import attndx.core.AttndxException;

/**
 * Class re-weighting from training label counts (seed section 5.3: "if class imbalance is severe,
 * we use re-weighting").
 */
public final class ClassWeights {
    private ClassWeights() {}

    /**
     * Inverse-frequency weights normalised to mean 1: {@code w_k = (1/n_k) / mean_j(1/n_j)}. A
     * balanced set gets all ones; the loss keeps its scale whatever the imbalance. Used by
     * single-label tasks (a sample of class k counts w_k times).
     *
     * @param counts training samples per class, each &gt; 0
     */
    public static float[] inverseFrequency(long[] counts) {
        double sumInverse = 0;
        for (int k = 0; k < counts.length; k++) {
            requirePositive("class", k, counts[k]);
            sumInverse += 1.0 / counts[k];
        }
        float[] w = new float[counts.length];
        for (int k = 0; k < counts.length; k++) {
            w[k] = (float) ((1.0 / counts[k]) / (sumInverse / counts.length));
        }
        return w;
    }

    /**
     * Positive-term weights for multi-label tasks: {@code w_k = (n - p_k) / p_k}, the negatives per
     * positive of label k, so positives and negatives of each label weigh the same in total.
     *
     * @param positives training samples with label k present, each in (0, n)
     * @param total number of training samples n
     */
    public static float[] positiveWeights(long[] positives, long total) {
        float[] w = new float[positives.length];
        for (int k = 0; k < positives.length; k++) {
            requirePositive("label", k, positives[k]);
            if (positives[k] >= total) {
                throw new AttndxException("cannot re-weight label " + k + ": it is present in all " + total
                        + " training samples (expected some negatives); disable class re-weighting");
            }
            w[k] = (float) (total - positives[k]) / positives[k];
        }
        return w;
    }

    private static void requirePositive(String what, int k, long count) {
        if (count <= 0) {
            throw new AttndxException("cannot re-weight " + what + " " + k + ": it has " + count
                    + " training samples (expected > 0); disable class re-weighting or fix the split");
        }
    }
}
