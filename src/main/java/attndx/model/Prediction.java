package attndx.model;

/**
 * The model's answer for a batch of images, as plain Java arrays.
 *
 * @param logits B x K raw logits
 * @param probabilities B x K: softmax(l / T) for single-label, sigmoid(l / T) per class for multi-label
 *     (T = the model's temperature, 1 when uncalibrated)
 * @param attention B x (M*h*w) fused attention maps, map-major then row-major; null for models without
 *     spatial attention (GAP, SE, CBAM)
 * @param mapCount M (1 shared, K class-specific; 0 without attention)
 * @param mapHeight h (0 without attention)
 * @param mapWidth w (0 without attention)
 */
public record Prediction(float[][] logits, float[][] probabilities, float[][] attention, int mapCount,
        int mapHeight, int mapWidth) {

    /** Number of images. */
    public int size() {
        return logits.length;
    }

    /** Attention map {@code m} of image {@code i} as rows x columns, or null without attention. */
    public float[][] map(int i, int m) {
        if (attention == null) {
            return null;
        }
        float[][] out = new float[mapHeight][mapWidth];
        int base = m * mapHeight * mapWidth;
        for (int y = 0; y < mapHeight; y++) {
            System.arraycopy(attention[i], base + y * mapWidth, out[y], 0, mapWidth);
        }
        return out;
    }
}
