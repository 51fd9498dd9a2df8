package attndx.explain.eval;

import attndx.core.AttndxException;
import attndx.data.Box;
import attndx.data.Dataset;
import attndx.data.ImageTensor;
import attndx.data.Preprocessor;
import attndx.data.Sample;
import attndx.data.TaskType;
import java.util.List;

/**
 * The images of one split as a model sees them, with what the checks compare the maps to.
 *
 * @param ids sample ids
 * @param raw the images after the model's geometric preprocessing, on the [0, 1] scale (what perturbations
 *     and the shortcut masks change before normalisation)
 * @param images the same images normalised: the model's input
 * @param labels class index per image (single-label), or -1 for multi-label samples
 * @param masks per image an H*W annotation in {0, 1} (the lesion mask, else its boxes filled), or null
 * @param channels C
 * @param height H
 * @param width W
 * @param preprocessor the model's preprocessing (normalises a changed raw image)
 */
public record ExplainData(String[] ids, float[][] raw, float[][] images, int[] labels, float[][] masks, int channels,
        int height, int width, Preprocessor preprocessor) {

    /**
     * The first {@code limit} (at least 1) samples of {@code split} through {@code preprocessor}.
     *
     * @throws AttndxException when the split is empty, images differ in size after preprocessing, or a mask
     *     does not match its image's size
     */
    public static ExplainData of(Dataset split, Preprocessor preprocessor, int limit) {
        if (limit < 1) {
            throw new AttndxException("limit must be >= 1 image, got " + limit);
        }
        List<Sample> samples = split.samples();
        if (samples.isEmpty()) {
            throw new AttndxException("split of " + split.info().source() + " has no images to explain");
        }
        int n = Math.min(limit, samples.size());
        String[] ids = new String[n];
        float[][] raw = new float[n][];
        float[][] images = new float[n][];
        int[] labels = new int[n];
        float[][] masks = new float[n][];
        ImageTensor first = null;
        for (int i = 0; i < n; i++) {
            Sample original = samples.get(i);
            if (original.mask() != null && original.mask().length != original.image().pixels()) {
                throw new AttndxException("mask of " + original.source() + " has " + original.mask().length
                        + " values, its image " + original.image().height() + "x" + original.image().width());
            }
            Sample s = preprocessor.geometry(original);
            ImageTensor img = s.image();
            if (first == null) {
                first = img;
            } else if (img.channels() != first.channels() || img.height() != first.height()
                    || img.width() != first.width()) {
                throw new AttndxException("image " + s.source() + " is " + img.channels() + "x" + img.height() + "x"
                        + img.width() + " after preprocessing, the first " + first.channels() + "x" + first.height()
                        + "x" + first.width() + " (give the model a fixed input size)");
            }
            ids[i] = s.id();
            raw[i] = img.data();
            images[i] = preprocessor.normalise(img).data();
            labels[i] = split.info().task() == TaskType.MULTILABEL ? -1 : s.label().index();
            masks[i] = annotation(s, img.height(), img.width());
        }
        return new ExplainData(ids, raw, images, labels, masks, first.channels(), first.height(), first.width(),
                preprocessor);
    }

    private static float[] annotation(Sample s, int height, int width) {
        if (s.mask() != null) {
            boolean any = false;
            for (float v : s.mask()) {
                any |= v > 0.5f;
            }
            return any ? s.mask() : null;
        }
        if (s.boxes().isEmpty()) {
            return null;
        }
        float[] m = new float[height * width];
        for (Box b : s.boxes()) {
            for (int y = Math.max(0, b.y0()); y < Math.min(height, b.y1()); y++) {
                for (int x = Math.max(0, b.x0()); x < Math.min(width, b.x1()); x++) {
                    m[y * width + x] = 1f;
                }
            }
        }
        return m;
    }

    /** A raw (geometry-preprocessed, [0, 1]) C*H*W image normalised as the model's input. */
    public float[] normalise(float[] rawImage) {
        return preprocessor.normalise(new ImageTensor(channels, height, width, rawImage)).data();
    }

    /** Number of images. */
    public int size() {
        return ids.length;
    }

    /** How many images carry an annotation. */
    public int annotated() {
        int a = 0;
        for (float[] m : masks) {
            a += m == null ? 0 : 1;
        }
        return a;
    }
}
