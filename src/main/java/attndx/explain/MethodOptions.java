package attndx.explain;

/**
 * Settings shared by the explanation methods ({@link Methods}).
 *
 * @param stage the backbone stage Grad-CAM, Grad-CAM++ read, in [1, 4] (4 = last, the usual choice)
 * @param occlusionPatch side of the occluding square in pixels, in [1, 256]
 * @param occlusionStride step between occluding squares in pixels, in [1, occlusionPatch] (every pixel covered)
 * @param seed seed of the random reference map
 * @param batchSize images forwarded (and differentiated) per batch, in [1, 4096]
 */
public record MethodOptions(int stage, int occlusionPatch, int occlusionStride, long seed, int batchSize) {
    public MethodOptions {
        if (stage < 1 || stage > 4) {
            throw new IllegalArgumentException("stage must be in [1, 4] (the backbone's stages), got " + stage);
        }
        if (occlusionPatch < 1 || occlusionPatch > 256) {
            throw new IllegalArgumentException("occlusion patch must be in [1, 256] pixels, got " + occlusionPatch);
        }
        if (occlusionStride < 1 || occlusionStride > occlusionPatch) {
            throw new IllegalArgumentException("occlusion stride must be in [1, patch = " + occlusionPatch
                    + "] pixels (so every pixel is covered), got " + occlusionStride);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batch size must be in [1, 4096], got " + batchSize);
        }
    }

    /** Last stage, 4-pixel patches every 2 pixels, seed 1, batches of 64. */
    public static MethodOptions defaults() {
        return new MethodOptions(4, 4, 2, 1, 64);
    }

    /** A copy with another Grad-CAM stage. */
    public MethodOptions withStage(int newStage) {
        return new MethodOptions(newStage, occlusionPatch, occlusionStride, seed, batchSize);
    }
}
