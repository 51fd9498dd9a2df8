package attndx.explain;

/**
 * {@link GradCam}'s output, one row per image.
 *
 * @param maps the Grad-CAM map of each image, height x width values in [0, 1], row-major
 * @param targets the class each map explains
 * @param logits the raw logits
 * @param probabilities class probabilities at the model's temperature
 * @param channelWeights the Grad-CAM weights alpha_k of the last stage's K channels
 */
public record GradCamMaps(float[][] maps, int height, int width, int[] targets, float[][] logits,
        float[][] probabilities, float[][] channelWeights) {

    /** The probability of each image's target class (the clean point of a deletion curve). */
    public float[] targetProbabilities() {
        float[] p = new float[targets.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities[i][targets[i]];
        }
        return p;
    }
}
