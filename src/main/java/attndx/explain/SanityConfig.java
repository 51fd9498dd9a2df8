package attndx.explain;

/**
 * Settings of the sanity checks ({@link SanityChecks}).
 *
 * @param images how many of the audit's images the checks use (the first), in [1, 100000]
 * @param threshold a method fails when the mean Spearman correlation between its original and randomised maps
 *     is at least this, in (0, 1]
 * @param seed seed of the weight draws
 */
public record SanityConfig(int images, double threshold, long seed) {
    public SanityConfig {
        if (images < 1 || images > 100_000) {
            throw new IllegalArgumentException("sanity images must be in [1, 100000], got " + images);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("sanity threshold must be in (0, 1], got " + threshold);
        }
    }

    /** 64 images, threshold 0.5, seed 1. */
    public static SanityConfig defaults() {
        return new SanityConfig(64, 0.5, 1);
    }
}
