package attndx.data;

/**
 * The preprocessing applied to every image, as one serialisable object: saved with the model
 * so training and deployment apply exactly the same steps (seed sections 7.1 and 7.8).
 * {@link Preprocessor} applies it, in this order: resize preserving the aspect ratio (bilinear) and
 * pad to height x width, mask the border and corners, then normalise intensities. Padding and
 * masked regions get the value that normalisation maps to 0: the dataset (or image) mean, black
 * with {@link Normalisation#NONE}. {@link Preprocessor#fit} fills mean/std from
 * a training dataset.
 *
 * @param normalisation how intensities are normalised
 * @param mean dataset mean (used by {@link Normalisation#DATASET})
 * @param std dataset standard deviation (used by {@link Normalisation#DATASET}), &gt; 0
 * @param height target height (0 keeps the input size)
 * @param width target width (0 keeps the input size)
 * @param borderMask fraction of each side masked to the fill value (0 = off, &lt; 0.5)
 * @param cornerMask side of the square masked in each corner, as a fraction of the side (0 = off, &lt; 0.5)
 */
public record Preprocessing(Normalisation normalisation, float mean, float std, int height, int width,
        float borderMask, float cornerMask) {

    /** Intensity normalisation modes. */
    public enum Normalisation {
        /** Leave intensities in [0,1]. */
        NONE,
        /** Subtract this image's mean, divide by its standard deviation. */
        PER_IMAGE,
        /** Subtract the dataset mean, divide by the dataset standard deviation. */
        DATASET
    }

    public Preprocessing {
        if (normalisation == null) {
            throw new IllegalArgumentException("preprocessing.normalisation must be one of NONE, PER_IMAGE, DATASET");
        }
        if (!(std > 0) || !Float.isFinite(std)) {
            throw new IllegalArgumentException("preprocessing.std must be > 0, got " + std);
        }
        if (!Float.isFinite(mean)) {
            throw new IllegalArgumentException("preprocessing.mean must be finite, got " + mean);
        }
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new IllegalArgumentException("preprocessing.height/width must both be 0 (keep) or both > 0, got "
                    + height + "x" + width);
        }
        if (borderMask < 0 || borderMask >= 0.5f) {
            throw new IllegalArgumentException("preprocessing.borderMask must be in [0, 0.5), got " + borderMask);
        }
        if (cornerMask < 0 || cornerMask >= 0.5f) {
            throw new IllegalArgumentException("preprocessing.cornerMask must be in [0, 0.5), got " + cornerMask);
        }
    }

    /** A copy with dataset statistics (e.g. measured on the training split by {@link Preprocessor#fit}). */
    public Preprocessing withStatistics(float newMean, float newStd) {
        return new Preprocessing(normalisation, newMean, newStd, height, width, borderMask, cornerMask);
    }

    /** A copy resizing to height x width (both 0 keeps the input size). */
    public Preprocessing withSize(int newHeight, int newWidth) {
        return new Preprocessing(normalisation, mean, std, newHeight, newWidth, borderMask, cornerMask);
    }

    /** Dataset normalisation with mean = std = 0.5 (maps [0,1] to [-1,1]), keeping the input size. */
    public static Preprocessing defaults() {
        return new Preprocessing(Normalisation.DATASET, 0.5f, 0.5f, 0, 0, 0f, 0f);
    }
}
