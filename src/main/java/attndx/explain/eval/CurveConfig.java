package attndx.explain.eval;

/**
 * Settings of a deletion or insertion curve ({@link DeletionInsertion}).
 *
 * @param kind whether the most salient pixels are removed from the image or inserted into the blank one
 * @param steps points after the first: step k removes (inserts) round(k N / steps) of the N pixels
 * @param fill the value a removed pixel takes in every channel, in the preprocessed (normalised) input: 0 is the
 *     mean intensity of a zero-mean normalisation
 * @param evalBatch perturbed images built and scored per call of the scorer (bounds the memory they take)
 */
public record CurveConfig(Kind kind, int steps, float fill, int evalBatch) {
    /** Which curve. */
    public enum Kind {
        /** Start from the image, remove the most salient pixels first: a faithful map makes it fall fast. */
        DELETION,
        /** Start from the blank (all {@code fill}) image, insert the most salient pixels first: it should rise fast. */
        INSERTION
    }

    public CurveConfig {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be DELETION or INSERTION, got null");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!Float.isFinite(fill)) {
            throw new IllegalArgumentException("fill must be a finite number, got " + fill);
        }
        if (evalBatch < 1) {
            throw new IllegalArgumentException("evalBatch must be >= 1, got " + evalBatch);
        }
    }

    /** A deletion curve of {@code steps} steps filling with 0, scoring 64 images per call. */
    public static CurveConfig deletion(int steps) {
        return new CurveConfig(Kind.DELETION, steps, 0f, 64);
    }
}
