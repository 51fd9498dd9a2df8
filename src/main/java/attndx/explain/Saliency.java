package attndx.explain;

import attndx.core.AttndxException;
import attndx.data.MinMax;
import attndx.model.Prediction;

/**
 * Saliency maps as plain arrays: resizing to the input, scaling to [0, 1], and the model's own attention
 * maps in the form the quantitative checks ({@link attndx.explain.eval}) and Grad-CAM share: one H*W
 * row-major map per image in [0, 1].
 */
public final class Saliency {
    private Saliency() {}

    /**
     * The attention map explaining each image's target class, resized to height x width and scaled to
     * [0, 1]: the shared map, or with class-specific attention the target class's own.
     *
     * @throws AttndxException when the model has no spatial attention (GAP, SE, CBAM: use {@link GradCam})
     */
    public static float[][] attention(Prediction p, int[] targets, int height, int width) {
        if (p.attention() == null) {
            throw new AttndxException("the model has no spatial attention maps to explain with; use Grad-CAM");
        }
        if (targets.length != p.size()) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries for " + p.size()
                    + " images");
        }
        int plane = p.mapHeight() * p.mapWidth();
        float[][] out = new float[p.size()][];
        for (int i = 0; i < out.length; i++) {
            int m = p.mapCount() == 1 ? 0 : targets[i];
            float[] map = new float[plane];
            System.arraycopy(p.attention()[i], m * plane, map, 0, plane);
            out[i] = resize(map, p.mapHeight(), p.mapWidth(), height, width);
            MinMax.scaleToUnit(out[i]);
        }
        return out;
    }

    /**
     * Bilinear resize of an h x w row-major map to height x width with PyTorch's {@code F.interpolate(...,
     * mode="bilinear", align_corners=False)} sampling: output pixel centres mapped onto the input grid,
     * clamped at its border; shrinking samples without antialiasing, as that call's default.
     */
    public static float[] resize(float[] map, int h, int w, int height, int width) {
        if (map.length != h * w) {
            throw new IllegalArgumentException("map has " + map.length + " values, expected " + h + "x" + w);
        }
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        float[] fy = new float[height];
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] fx = new float[width];
        sampling(h, height, y0, y1, fy);
        sampling(w, width, x0, x1, fx);
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float top = map[y0[y] * w + x0[x]] * (1 - fx[x]) + map[y0[y] * w + x1[x]] * fx[x];
                float bottom = map[y1[y] * w + x0[x]] * (1 - fx[x]) + map[y1[y] * w + x1[x]] * fx[x];
                out[y * width + x] = top * (1 - fy[y]) + bottom * fy[y];
            }
        }
        return out;
    }

    /** Source rows (columns) and weight of the second for each output row (column); as ATen's upsampling. */
    private static void sampling(int in, int out, int[] lo, int[] hi, float[] frac) {
        float scale = (float) in / out;
        for (int o = 0; o < out; o++) {
            float src = Math.max(scale * (o + 0.5f) - 0.5f, 0f);
            lo[o] = Math.min((int) src, in - 1);
            hi[o] = Math.min(lo[o] + 1, in - 1);
            frac[o] = src - lo[o];
        }
    }
}
