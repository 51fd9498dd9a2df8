package attndx.explain.eval;

/**
 * Settings of the deletion and insertion check ({@link Faithfulness}).
 *
 * @param steps curve steps, in [1, 1000]
 * @param blurSigma 0 for the constant baseline 0 (the mean after normalisation), else the standard deviation in
 *     pixels of the Gaussian blur the removed pixels take, in (0, 64]
 * @param level one-sided significance level of "beats random", in (0, 0.5)
 * @param evalBatch perturbed images scored per call, in [1, 4096]
 */
public record FaithfulnessConfig(int steps, double blurSigma, double level, int evalBatch) {
    public FaithfulnessConfig {
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("deletion steps must be in [1, 1000], got " + steps);
        }
        if (!(blurSigma >= 0 && blurSigma <= 64)) {
            throw new IllegalArgumentException("blur sigma must be 0 (constant baseline) or in (0, 64] pixels, got "
                    + blurSigma);
        }
        if (!(level > 0 && level < 0.5)) {
            throw new IllegalArgumentException("level must be in (0, 0.5), got " + level);
        }
        if (evalBatch < 1 || evalBatch > 4096) {
            throw new IllegalArgumentException("evalBatch must be in [1, 4096], got " + evalBatch);
        }
    }

    /** 20 steps, baseline 0, level 0.05, 64 images per call. */
    public static FaithfulnessConfig defaults() {
        return new FaithfulnessConfig(20, 0, 0.05, 64);
    }
}
