package attndx.train;

/**
 * The perturbation set T used by the consistency loss (seed sections 5.5, 9.2, A.2). A range of 0
 * (or {@code false}) removes that operator; at least one must remain.
 *
 * @param rotationDegrees maximum rotation, in [0, 30]
 * @param translationPixels maximum shift in image pixels, 0 or in [translationStride, 64]
 * @param translationStride shifts are multiples of this many image pixels, in [1, 64]; set it to
 *     the image-to-attention downsampling factor H/h so that Pi is exact
 * @param horizontalFlip include the left-right mirror (consistency only asks the attention to
 *     mirror with the image, so laterality is not a concern here)
 * @param resizeDelta maximum relative zoom, in [0, 0.3]
 * @param contrastDelta maximum relative contrast change, in [0, 0.5]
 * @param gammaDelta gamma range {@code [1/(1+d), 1+d]}, d in [0, 1]
 * @param noiseStd maximum Gaussian noise standard deviation (intensities in [0,1]), in [0, 0.2]
 * @param occlusionFraction maximum occluded square side as a fraction of the shorter side, in [0, 0.5]
 * @param seed seed of the per-batch random streams
 */
public record PerturbationConfig(double rotationDegrees, int translationPixels, int translationStride,
        boolean horizontalFlip, double resizeDelta, double contrastDelta, double gammaDelta, double noiseStd,
        double occlusionFraction, long seed) {

    public PerturbationConfig {
        Validate.range("perturbation.rotationDegrees", rotationDegrees, 0, 30);
        Validate.range("perturbation.translationStride", translationStride, 1, 64);
        if (translationPixels != 0 && (translationPixels < translationStride || translationPixels > 64)) {
            throw new IllegalArgumentException("perturbation.translationPixels must be 0 or in [translationStride="
                    + translationStride + ", 64], got " + translationPixels);
        }
        Validate.range("perturbation.resizeDelta", resizeDelta, 0, 0.3);
        Validate.range("perturbation.contrastDelta", contrastDelta, 0, 0.5);
        Validate.range("perturbation.gammaDelta", gammaDelta, 0, 1);
        Validate.range("perturbation.noiseStd", noiseStd, 0, 0.2);
        Validate.range("perturbation.occlusionFraction", occlusionFraction, 0, 0.5);
        if (rotationDegrees == 0 && translationPixels == 0 && !horizontalFlip && resizeDelta == 0
                && contrastDelta == 0 && gammaDelta == 0 && noiseStd == 0 && occlusionFraction == 0) {
            throw new IllegalArgumentException("perturbation: every operator is disabled; enable at least one"
                    + " (or set lambdaConsistency = 0 to drop the consistency loss)");
        }
    }

    /**
     * Mild defaults: +-5 degrees, shifts up to 8 pixels in steps of {@code stride}, flip, +-5% zoom,
     * +-10% contrast, gamma in [1/1.1, 1.1], noise std up to 0.02, occlusion up to 10% of the side.
     *
     * @param stride the model's image-to-attention downsampling factor (e.g. 4 for 28 px inputs
     *     and 7 x 7 attention)
     */
    public static PerturbationConfig defaults(int stride, long seed) {
        return new PerturbationConfig(5, Math.max(8, stride), stride, true, 0.05, 0.1, 0.1, 0.02, 0.1, seed);
    }
}
