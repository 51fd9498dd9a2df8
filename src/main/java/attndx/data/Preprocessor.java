package attndx.data;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link Preprocessing} to images and samples (seed section 7.1: intensity normalisation,
 * aspect-preserving resize, masking of non-anatomical regions; section 7.8: the same steps in
 * training and deployment). Masks and boxes go through the same resize and padding, so the ground
 * truth stays aligned: masks are resampled bilinearly and thresholded at 0.5, boxes are mapped to
 * the smallest covering box ({@link ResizeGeometry#map}). Border/corner masking changes only the
 * image: the lesion ground truth stays where the lesion is.
 */
public final class Preprocessor {
    private static final float MIN_STD = 1e-6f;
    private final Preprocessing p;

    public Preprocessor(Preprocessing preprocessing) {
        this.p = Objects.requireNonNull(preprocessing, "preprocessing");
    }

    /**
     * {@code base} with mean and standard deviation of all pixel values (all channels) of {@code train},
     * for {@link Preprocessing.Normalisation#DATASET}. Measure on the training split only.
     */
    public static Preprocessing fit(Preprocessing base, Dataset train) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (Sample s : train.samples()) {
            for (float v : s.image().data()) {
                sum += v;
                sumSq += (double) v * v;
            }
            n += s.image().data().length;
        }
        if (n == 0) {
            throw new AttndxException("cannot fit preprocessing statistics: dataset " + train.info().name() + " is empty");
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        if (!(std >= MIN_STD)) {
            throw new AttndxException("cannot fit preprocessing statistics: all pixels of dataset "
                    + train.info().name() + " equal " + mean + " (std 0)");
        }
        return base.withStatistics((float) mean, (float) std);
    }

    /** Every sample of {@code dataset} preprocessed, same info. */
    public Dataset apply(Dataset dataset) {
        List<Sample> out = new ArrayList<>(dataset.size());
        dataset.samples().forEach(s -> out.add(apply(s)));
        return new InMemoryDataset(dataset.info(), out);
    }

    /** One sample preprocessed ({@link #geometry(Sample)} then {@link #normalise}), its mask and boxes mapped alongside. */
    public Sample apply(Sample s) {
        Sample g = geometry(s);
        return g.withImage(normalise(g.image()), g.mask(), g.boxes());
    }

    /** One image preprocessed. */
    public ImageTensor apply(ImageTensor image) {
        return normalise(geometry(image));
    }

    /**
     * The geometric steps alone, on the [0,1] intensity scale: resize with padding and region masking.
     * Padding and masked regions take the value that normalisation maps to 0 (the dataset mean, the
     * image's own mean, or black without normalisation). Training runs augmentation between this step
     * and {@link #normalise}, so a model sees the same pipeline in training and deployment.
     */
    public Sample geometry(Sample s) {
        float fill = fillValue(s.image());
        ImageTensor img = s.image();
        float[] mask = s.mask();
        List<Box> boxes = s.boxes();
        if (p.height() > 0) {
            ResizeGeometry g = ResizeGeometry.of(img.height(), img.width(), p.height(), p.width());
            img = resize(img, g, fill);
            mask = mask == null ? null : binary(g.resample(mask, 0f));
            boxes = boxes.stream().map(g::map).toList();
        }
        return s.withImage(maskRegions(img, fill), mask, boxes);
    }

    /** The geometric steps of {@link #geometry(Sample)} on an image alone. */
    public ImageTensor geometry(ImageTensor image) {
        float fill = fillValue(image);
        ImageTensor img = image;
        if (p.height() > 0) {
            img = resize(img, ResizeGeometry.of(img.height(), img.width(), p.height(), p.width()), fill);
        }
        return maskRegions(img, fill);
    }

    private float fillValue(ImageTensor img) {
        return switch (p.normalisation()) {
            case NONE -> 0f;
            case DATASET -> p.mean();
            case PER_IMAGE -> (float) mean(img.data());
        };
    }

    private static double mean(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /**
     * Intensity normalisation alone (the last step). PER_IMAGE statistics are those of the image as
     * given, i.e. after the geometric steps.
     */
    public ImageTensor normalise(ImageTensor img) {
        float mean;
        float std;
        switch (p.normalisation()) {
            case NONE -> {
                return img;
            }
            case DATASET -> {
                mean = p.mean();
                std = p.std();
            }
            default -> {
                double sum = 0;
                double sumSq = 0;
                for (float v : img.data()) {
                    sum += v;
                    sumSq += (double) v * v;
                }
                double m = sum / img.data().length;
                mean = (float) m;
                // A constant image has no contrast to scale: it maps to all zeros.
                std = (float) Math.max(MIN_STD, Math.sqrt(Math.max(0, sumSq / img.data().length - m * m)));
            }
        }
        float[] out = new float[img.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (img.data()[i] - mean) / std;
        }
        return new ImageTensor(img.channels(), img.height(), img.width(), out);
    }

    private static ImageTensor resize(ImageTensor img, ResizeGeometry g, float fill) {
        int plane = img.pixels();
        float[] out = new float[img.channels() * g.dstHeight() * g.dstWidth()];
        for (int c = 0; c < img.channels(); c++) {
            float[] src = java.util.Arrays.copyOfRange(img.data(), c * plane, (c + 1) * plane);
            System.arraycopy(g.resample(src, fill), 0, out, c * g.dstHeight() * g.dstWidth(), g.dstHeight() * g.dstWidth());
        }
        return new ImageTensor(img.channels(), g.dstHeight(), g.dstWidth(), out);
    }

    private static float[] binary(float[] m) {
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] >= 0.5f ? 1f : 0f;
        }
        return m;
    }

    /** Sets the border band and the corner squares to {@code fill} on every channel. */
    private ImageTensor maskRegions(ImageTensor img, float fill) {
        if (p.borderMask() == 0 && p.cornerMask() == 0) {
            return img;
        }
        int h = img.height();
        int w = img.width();
        int bh = Math.round(p.borderMask() * h);
        int bw = Math.round(p.borderMask() * w);
        int ch = Math.round(p.cornerMask() * h);
        int cw = Math.round(p.cornerMask() * w);
        float[] out = img.data().clone();
        for (int y = 0; y < h; y++) {
            boolean rowBorder = y < bh || y >= h - bh;
            boolean rowCorner = y < ch || y >= h - ch;
            for (int x = 0; x < w; x++) {
                boolean border = rowBorder || x < bw || x >= w - bw;
                boolean corner = rowCorner && (x < cw || x >= w - cw);
                if (border || corner) {
                    for (int c = 0; c < img.channels(); c++) {
                        out[(c * h + y) * w + x] = fill;
                    }
                }
            }
        }
        return new ImageTensor(img.channels(), h, w, out);
    }
}
