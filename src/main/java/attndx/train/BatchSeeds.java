package attndx.train;

import java.util.Random;

/**
 * Per-batch random streams derived from (seed, epoch, batch index): a batch's perturbation or
 * augmentation depends only on these three numbers, not on how many batches ran before it, so a
 * resumed or re-ordered run reproduces it.
 */
public final class BatchSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private BatchSeeds() {}

    /** The random stream of one batch. */
    public static Random of(long seed, long epoch, long batch) {
        return new Random(mix(mix(mix(seed) + GOLDEN * (epoch + 1)) + GOLDEN * (batch + 1)));
    }

    /** SplitMix64 finaliser: spreads nearby inputs over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
