package attndx.train;

import java.util.SplittableRandom;

/**
 * The batches of one epoch: a shuffle seeded by (seed, epoch) only, so any epoch's order can be
 * recomputed on resume. A final batch of a single image is dropped (BatchNorm cannot normalise
 * one sample in training mode).
 */
public final class BatchOrder {
    private BatchOrder() {}

    public static int[][] of(int size, int batchSize, long seed, int epoch) {
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int full = size / batchSize;
        int rest = size % batchSize;
        int count = full + (rest >= 2 ? 1 : 0);
        int[][] out = new int[count][];
        for (int b = 0; b < count; b++) {
            int len = Math.min(batchSize, size - b * batchSize);
            out[b] = new int[len];
            System.arraycopy(perm, b * batchSize, out[b], 0, len);
        }
        return out;
    }
}
