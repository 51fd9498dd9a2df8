package attndx.explain.eval;

import java.util.Arrays;

/**
 * Deletion and insertion curves of saliency maps (seed section 6.1; Petsiuk et al., RISE): pixels are ranked
 * by decreasing saliency (ties keep raster order); step k of {@code steps} sets the first round(k N / steps)
 * of the N pixels to {@code fill} in every channel (deletion), or starts from the all-{@code fill} image and
 * puts them back (insertion); the curve is the target class's probability at fractions 0, 1/steps, ..., 1 and
 * its area the trapezoid rule over [0, 1]. round is half-to-even, as Python's. These are the conventions of
 * the PyTorch reference ({@code shared/bench/torchref/saliency.py}), which implements deletion.
 *
 * <p>The perturbed images are built only {@link CurveConfig#evalBatch} at a time, image-major (all steps of
 * the first image, then the next), so memory stays bounded for any number of images or steps.
 */
public final class DeletionInsertion {
    private DeletionInsertion() {}

    /**
     * The curves of every image.
     *
     * @param images one C*H*W array per image, preprocessed
     * @param saliency one H*W map per image (row-major; higher = more important)
     * @param targets the class whose probability is followed, per image
     * @param cleanProbabilities the scorer's probability of each target on the unperturbed image when already
     *     known (e.g. {@link attndx.explain.GradCamMaps#targetProbabilities()}), which saves scoring those
     *     images; null to score them
     * @throws IllegalArgumentException naming the image whose array, map or target does not fit
     */
    public static Curves compute(TargetScorer scorer, float[][] images, int channels, int height, int width,
            float[][] saliency, int[] targets, float[] cleanProbabilities, CurveConfig config) {
        return compute(scorer, images, channels, height, width, saliency, targets, cleanProbabilities, null, config);
    }

    /**
     * As {@link #compute(TargetScorer, float[][], int, int, int, float[][], int[], float[], CurveConfig)} with a
     * baseline image per image (e.g. a blurred copy, {@link Baselines#blur}): a removed pixel takes the
     * baseline's values, and insertion starts from the baseline; null for the constant {@link CurveConfig#fill}.
     */
    public static Curves compute(TargetScorer scorer, float[][] images, int channels, int height, int width,
            float[][] saliency, int[] targets, float[] cleanProbabilities, float[][] baselines, CurveConfig config) {
        int n = images.length;
        if (baselines != null && baselines.length != n) {
            throw new IllegalArgumentException("need one baseline per image: " + n + " images, " + baselines.length
                    + " baselines");
        }
        int pixels = height * width;
        check(images, channels * height * width, saliency, pixels, targets, cleanProbabilities);
        int steps = config.steps();
        boolean deletion = config.kind() == CurveConfig.Kind.DELETION;
        int[] counts = new int[steps + 1];
        for (int k = 1; k <= steps; k++) {
            counts[k] = (int) Math.rint((double) k * pixels / steps);
        }
        int clean = deletion ? 0 : steps;
        float[][] curves = new float[n][steps + 1];
        int[][] order = new int[n][];
        for (int i = 0; i < n; i++) {
            order[i] = descendingOrder(saliency[i], i);
            if (cleanProbabilities != null) {
                curves[i][clean] = cleanProbabilities[i];
            }
        }
        int perImage = cleanProbabilities == null ? steps + 1 : steps;
        int total = n * perImage;
        for (int from = 0; from < total; from += config.evalBatch()) {
            int count = Math.min(config.evalBatch(), total - from);
            float[][] batch = new float[count][];
            int[] batchTargets = new int[count];
            int[] image = new int[count];
            int[] step = new int[count];
            for (int j = 0; j < count; j++) {
                int q = from + j;
                image[j] = q / perImage;
                int k = q % perImage;
                step[j] = cleanProbabilities != null && k >= clean ? k + 1 : k;
                batchTargets[j] = targets[image[j]];
                batch[j] = perturbed(images[image[j]], order[image[j]], counts[step[j]], pixels, deletion,
                        baselines == null ? null : baselines[image[j]], config.fill());
            }
            float[] p = scorer.score(batch, batchTargets);
            if (p.length != count) {
                throw new IllegalStateException("scorer returned " + p.length + " probabilities for " + count
                        + " images");
            }
            for (int j = 0; j < count; j++) {
                curves[image[j]][step[j]] = p[j];
            }
        }
        double[] areas = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < steps; k++) {
                sum += (curves[i][k] + curves[i][k + 1]) * 0.5;
            }
            areas[i] = sum / steps;
        }
        return new Curves(config, curves, areas);
    }

    /**
     * The image with the {@code count} most salient pixels removed (deletion) or with only those kept
     * (insertion), every other value the baseline's (or {@code fill} without one).
     */
    private static float[] perturbed(float[] image, int[] order, int count, int pixels, boolean deletion,
            float[] baseline, float fill) {
        int channels = image.length / pixels;
        float[] out;
        float[] from;
        if (deletion) {
            out = image.clone();
            from = baseline;
        } else {
            out = baseline != null ? baseline.clone() : new float[image.length];
            if (baseline == null) {
                Arrays.fill(out, fill);
            }
            from = image;
        }
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < channels; c++) {
                int q = c * pixels + order[r];
                out[q] = from == null ? fill : from[q];
            }
        }
        return out;
    }

    /** Pixel indices by decreasing saliency, ties in raster order (a stable sort). */
    static int[] descendingOrder(float[] saliency, int image) {
        long[] keys = new long[saliency.length];
        for (int p = 0; p < saliency.length; p++) {
            float s = saliency[p];
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("saliency map " + image + " has NaN at pixel " + p);
            }
            // A float's bits, made to sort as the float does, then inverted: ascending keys = descending saliency.
            int bits = Float.floatToIntBits(s == 0f ? 0f : s);
            int sortable = bits < 0 ? bits ^ 0x7fffffff : bits;
            keys[p] = ((long) ~sortable << 32) | p;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            order[r] = (int) keys[r];
        }
        return order;
    }

    private static void check(float[][] images, int plane, float[][] saliency, int pixels, int[] targets,
            float[] clean) {
        int n = images.length;
        if (saliency.length != n || targets.length != n || (clean != null && clean.length != n)) {
            throw new IllegalArgumentException("need one saliency map, target and clean probability per image: "
                    + n + " images, " + saliency.length + " maps, " + targets.length + " targets"
                    + (clean == null ? "" : ", " + clean.length + " clean probabilities"));
        }
        for (int i = 0; i < n; i++) {
            if (images[i].length != plane) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, expected "
                        + plane);
            }
            if (saliency[i].length != pixels) {
                throw new IllegalArgumentException("saliency map " + i + " has " + saliency[i].length
                        + " values, expected the image's " + pixels + " pixels (resize it to the image first)");
            }
        }
    }
}
