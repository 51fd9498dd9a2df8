package attndx.explain;

import attndx.data.MinMax;
import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion sensitivity (Zeiler and Fergus), model-agnostic: a square of {@code patch} pixels set to 0 in every
 * channel (the mean after zero-mean normalisation) slides with {@code stride}, the last position flush with
 * the far edge so every pixel is covered; a pixel's value is the mean drop of the target probability over the
 * squares covering it, min-max scaled per image. The occluded copies are scored in batches of
 * {@code evalBatch}.
 */
final class OcclusionMethod implements ExplanationMethod {
    /** The target probability of each C x H x W image. */
    @FunctionalInterface
    interface Scorer {
        float[] score(float[][] images, int channels, int height, int width, int[] targets);
    }

    private final Scorer scorer;
    private final int patch;
    private final int stride;
    private final int evalBatch;

    OcclusionMethod(Scorer scorer, int patch, int stride, int evalBatch) {
        this.scorer = scorer;
        this.patch = patch;
        this.stride = stride;
        this.evalBatch = evalBatch;
    }

    @Override
    public String name() {
        return Methods.OCCLUSION;
    }

    /** Top-left corners along one axis of {@code size} pixels. */
    static int[] positions(int size, int patch, int stride) {
        List<Integer> p = new ArrayList<>();
        int last = Math.max(0, size - patch);
        for (int v = 0; v < last; v += stride) {
            p.add(v);
        }
        p.add(last);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
        int[] ys = positions(height, patch, stride);
        int[] xs = positions(width, patch, stride);
        int perImage = ys.length * xs.length;
        float[] clean = scorer.score(images, channels, height, width, targets);
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            float[] sum = new float[height * width];
            int[] count = new int[height * width];
            for (int from = 0; from < perImage; from += evalBatch) {
                int n = Math.min(evalBatch, perImage - from);
                float[][] batch = new float[n][];
                int[] t = new int[n];
                for (int j = 0; j < n; j++) {
                    int q = from + j;
                    batch[j] = occluded(images[i], ys[q / xs.length], xs[q % xs.length], channels, height, width);
                    t[j] = targets[i];
                }
                float[] p = scorer.score(batch, channels, height, width, t);
                for (int j = 0; j < n; j++) {
                    int q = from + j;
                    accumulate(sum, count, ys[q / xs.length], xs[q % xs.length], height, width, clean[i] - p[j]);
                }
            }
            for (int px = 0; px < sum.length; px++) {
                sum[px] = count[px] == 0 ? 0f : sum[px] / count[px];
            }
            MinMax.scaleToUnit(sum);
            out[i] = sum;
        }
        return out;
    }

    private float[] occluded(float[] image, int y0, int x0, int channels, int height, int width) {
        float[] o = image.clone();
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            for (int y = y0; y < Math.min(height, y0 + patch); y++) {
                for (int x = x0; x < Math.min(width, x0 + patch); x++) {
                    o[c * plane + y * width + x] = 0f;
                }
            }
        }
        return o;
    }

    private void accumulate(float[] sum, int[] count, int y0, int x0, int height, int width, float drop) {
        for (int y = y0; y < Math.min(height, y0 + patch); y++) {
            for (int x = x0; x < Math.min(width, x0 + patch); x++) {
                sum[y * width + x] += drop;
                count[y * width + x]++;
            }
        }
    }
}
