package attndx.train;

/**
 * Training-time augmentation with conservative medical ranges (seed section 5.3: "small
 * rotations, random crops, mild contrast jitter"). A range of 0 (crop scale 1, {@code false})
 * switches that step off.
 *
 * @param rotationDegrees maximum rotation about the centre, in [0, 30]
 * @param cropScaleMin crop-and-resize: the crop side is a fraction uniform in [cropScaleMin, 1] of
 *     the image side, placed uniformly inside the image and resized back to full size; in [0.5, 1]
 * @param horizontalFlip mirror half of the samples; off by default because it swaps anatomical
 *     laterality (e.g. the heart's side on a chest X-ray)
 * @param brightnessDelta maximum additive brightness shift (intensities in [0,1]), in [0, 0.5]
 * @param contrastDelta maximum relative contrast change about the channel mean, in [0, 0.5]
 * @param stainSigma HED stain jitter strength for RGB histopathology (see {@link StainJitter}), in
 *     [0, 0.2]; 0 = off
 * @param seed seed of the per-batch random streams
 */
public record AugmentConfig(double rotationDegrees, double cropScaleMin, boolean horizontalFlip,
        double brightnessDelta, double contrastDelta, double stainSigma, long seed) {

    public AugmentConfig {
        Validate.range("augment.rotationDegrees", rotationDegrees, 0, 30);
        Validate.range("augment.cropScaleMin", cropScaleMin, 0.5, 1);
        Validate.range("augment.brightnessDelta", brightnessDelta, 0, 0.5);
        Validate.range("augment.contrastDelta", contrastDelta, 0, 0.5);
        Validate.range("augment.stainSigma", stainSigma, 0, 0.2);
    }

    /** +-10 degrees, crops of 90-100% of the side, +-0.1 brightness, +-10% contrast, no flip, no stain jitter. */
    public static AugmentConfig defaults(long seed) {
        return new AugmentConfig(10, 0.9, false, 0.1, 0.1, 0, seed);
    }
}
