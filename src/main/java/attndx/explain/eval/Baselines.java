package attndx.explain.eval;

/**
 * Baseline images for deletion and insertion (seed section 6.1): what a removed pixel becomes. A constant 0 is
 * the mean after zero-mean normalisation; a blur keeps the low frequencies, so the curve measures the loss of
 * detail rather than the shock of an out-of-distribution flat patch (Petsiuk et al., RISE).
 */
public final class Baselines {
    private Baselines() {}

    /** Each C*H*W image blurred per channel by a separable Gaussian of standard deviation {@code sigma} pixels. */
    public static float[][] blur(float[][] images, int channels, int height, int width, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("blur sigma must be > 0 pixels, got " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[][] out = new float[images.length][];
        int plane = height * width;
        for (int n = 0; n < images.length; n++) {
            float[] o = new float[images[n].length];
            for (int c = 0; c < channels; c++) {
                float[] rows = pass(images[n], c * plane, height, width, k, radius, true);
                float[] both = pass(rows, 0, height, width, k, radius, false);
                System.arraycopy(both, 0, o, c * plane, plane);
            }
            out[n] = o;
        }
        return out;
    }

    /** One 1-D pass with replicated borders, along x ({@code alongX}) or y. */
    private static float[] pass(float[] v, int offset, int height, int width, float[] k, int radius, boolean alongX) {
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int i = -radius; i <= radius; i++) {
                    int yy = alongX ? y : Math.min(height - 1, Math.max(0, y + i));
                    int xx = alongX ? Math.min(width - 1, Math.max(0, x + i)) : x;
                    s += k[i + radius] * v[offset + yy * width + xx];
                }
                out[y * width + x] = s;
            }
        }
        return out;
    }
}
