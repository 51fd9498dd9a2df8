package attndx.calibrate;

/**
 * Mean negative log-likelihood of the labels under temperature-scaled logits, computed from the
 * logits (log-softmax / log-sigmoid) so confident predictions never produce {@code log(0)}.
 * Single-label tasks: cross-entropy averaged over images. Sigmoid outputs (binary with one logit,
 * multi-label): binary cross-entropy averaged over all image-label entries (paper 5.5, 5.6).
 */
public final class NegativeLogLikelihood {
    private NegativeLogLikelihood() {}

    /** Mean NLL at temperature {@code t}; NaN for an empty set. */
    public static double of(Predictions p, double t) {
        if (p.size() == 0) {
            return Double.NaN;
        }
        return p.sigmoid() ? binaryCrossEntropy(p, t) : crossEntropy(p, t);
    }

    private static double crossEntropy(Predictions p, double t) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            double[] l = p.logits()[i];
            sum += Probabilities.logSumExp(l, t) - l[p.labels()[i]] / t;
        }
        return sum / p.size();
    }

    private static double binaryCrossEntropy(Predictions p, double t) {
        double sum = 0;
        int k = p.logitCount();
        for (int i = 0; i < p.size(); i++) {
            for (int j = 0; j < k; j++) {
                double z = p.logits()[i][j] / t;
                boolean positive = p.multiLabels() != null ? p.multiLabels()[i][j] : p.labels()[i] == 1;
                sum -= Probabilities.logSigmoid(positive ? z : -z);
            }
        }
        return sum / ((double) p.size() * k);
    }
}
