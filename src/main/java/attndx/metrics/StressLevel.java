package attndx.metrics;

import attndx.calibrate.Predictions;

/**
 * The model's outputs on one strength of a synthetic shift (e.g. contrast scaling; paper 10.3, A.2);
 * the transformed images are produced and run through the model elsewhere.
 *
 * @param strength the shift strength (0 = no shift)
 * @param predictions logits and labels at that strength
 * @param features the model's feature vectors ({@code n x d}), or null for logit-based shift scores
 */
public record StressLevel(double strength, Predictions predictions, double[][] features) {
}
