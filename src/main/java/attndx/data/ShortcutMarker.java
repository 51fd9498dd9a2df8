package attndx.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plants a label-correlated shortcut into any dataset (seed section 9.3): the phantom's bright "L" glyph, like a
 * burned-in laterality marker, in the top-left corner of each image with probability (1+s)/2 when the image shows a
 * finding (a label other than class 0; for multi-label data, any positive label) and (1-s)/2 otherwise, in every split. A model trained on the result can
 * score well by reading the corner; the shortcut stress test must catch it. Drawn per image from a generator seeded
 * by the seed and the image's id, so the same dataset always gets the same markers.
 */
public final class ShortcutMarker {
    /** The glyph's side in glyph pixels. */
    static final int GLYPH = 5;
    /** The glyph's intensity: the top of the [0, 1] range, as a stamped overlay. */
    private static final float VALUE = 1f;

    private ShortcutMarker() {}

    /** Whether glyph pixel (gx, gy) of the "L" is drawn. */
    static boolean glyphOn(int gx, int gy) {
        return gx <= 1 || gy >= GLYPH - 2;
    }

    /**
     * {@code data} with the marker planted at strength {@code strength} (the phi correlation of marker and finding
     * for balanced classes), in (0, 1].
     */
    public static Dataset plant(Dataset data, double strength, long seed) {
        if (!(strength > 0 && strength <= 1)) {
            throw new IllegalArgumentException("shortcut strength must be in (0, 1], got " + strength);
        }
        boolean multiLabel = data.info().task() == TaskType.MULTILABEL;
        List<Sample> out = new ArrayList<>(data.size());
        for (Sample s : data.samples()) {
            boolean finding = multiLabel ? s.label().positives().length > 0 : s.label().index() != 0;
            double p = finding ? (1 + strength) / 2 : (1 - strength) / 2;
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s.id().hashCode());
            out.add(rng.nextDouble() < p ? s.withImage(marked(s.image()), s.mask(), s.boxes()) : s);
        }
        return new InMemoryDataset(data.info(), out);
    }

    /** A copy of {@code image} with the glyph drawn in every channel; one glyph pixel per 64 pixels of the shorter side. */
    static ImageTensor marked(ImageTensor image) {
        int k = Math.max(1, Math.min(image.height(), image.width()) / 64);
        int margin = 2 * k;
        float[] data = image.data().clone();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < GLYPH * k && margin + y < image.height(); y++) {
                for (int x = 0; x < GLYPH * k && margin + x < image.width(); x++) {
                    if (glyphOn(x / k, y / k)) {
                        data[(c * image.height() + margin + y) * image.width() + margin + x] = VALUE;
                    }
                }
            }
        }
        return new ImageTensor(image.channels(), image.height(), image.width(), data);
    }
}
