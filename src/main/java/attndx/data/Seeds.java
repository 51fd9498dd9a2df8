package attndx.data;

/**
 * Derives independent, reproducible seeds from one user seed and a path of keys, so that each
 * random decision (a patient's anatomy, an image's noise, a marker draw) has its own stream:
 * changing one option never shifts the random numbers of unrelated parts.
 */
final class Seeds {
    private Seeds() {}

    /** A seed for the stream named by {@code keys} under {@code seed} (SplitMix64 finaliser per key). */
    static long derive(long seed, long... keys) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long k : keys) {
            h = mix(h + 0x9E3779B97F4A7C15L * (k + 1));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
