package attndx.explain.eval;

/**
 * The perturbation set of the stability check (seed section 9.2: mild contrast scaling, small Gaussian noise,
 * small translations), drawn with the training code's own operators ({@link attndx.train.Perturbations}).
 *
 * @param contrastDelta largest relative contrast change, in [0, 0.5] (0: left out)
 * @param noiseStd largest noise standard deviation on the [0, 1] scale, in [0, 0.2] (0: left out)
 * @param translationPixels largest shift in pixels, 0 (left out) or in [translationStride, 64]
 * @param translationStride shifts are multiples of it, in [1, 64] (the model's attention stride makes them exact
 *     on the attention grid)
 * @param seed seed of the draws
 * @param batchSize images perturbed and explained per batch, in [1, 4096]
 */
public record StabilityConfig(double contrastDelta, double noiseStd, int translationPixels, int translationStride,
        long seed, int batchSize) {
    public StabilityConfig {
        if (!(contrastDelta >= 0 && contrastDelta <= 0.5)) {
            throw new IllegalArgumentException("stability contrast must be in [0, 0.5], got " + contrastDelta);
        }
        if (!(noiseStd >= 0 && noiseStd <= 0.2)) {
            throw new IllegalArgumentException("stability noise must be in [0, 0.2], got " + noiseStd);
        }
        if (translationStride < 1 || translationStride > 64) {
            throw new IllegalArgumentException("stability translation stride must be in [1, 64], got "
                    + translationStride);
        }
        if (translationPixels != 0 && (translationPixels < translationStride || translationPixels > 64)) {
            throw new IllegalArgumentException("stability translation must be 0 or in [stride = " + translationStride
                    + ", 64] pixels, got " + translationPixels);
        }
        if (contrastDelta == 0 && noiseStd == 0 && translationPixels == 0) {
            throw new IllegalArgumentException("stability: every perturbation is disabled; enable at least one");
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
        }
    }

    /** Contrast +-10 %, noise up to 0.02, shifts of up to one attention cell ({@code stride} pixels). */
    public static StabilityConfig defaults(int stride, long seed) {
        return new StabilityConfig(0.1, 0.02, Math.max(1, stride), Math.max(1, stride), seed, 64);
    }
}
