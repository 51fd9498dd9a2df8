package attndx.calibrate;

/**
 * Per-image uncertainty from N stochastic (MC-dropout) forward passes, in nats.
 *
 * @param meanProbabilities {@code n x k} mean of the passes' probabilities
 * @param predictiveEntropy {@code H[mean_t p_t]}: total uncertainty
 * @param expectedEntropy {@code mean_t H[p_t]}: aleatoric part
 * @param mutualInformation {@code predictiveEntropy - expectedEntropy}: epistemic part (BALD)
 */
public record McDropoutSummary(double[][] meanProbabilities, double[] predictiveEntropy, double[] expectedEntropy,
        double[] mutualInformation) {
}
