package attndx.explain.eval;

import java.util.Arrays;

/**
 * Deletion or insertion curves, one row per image.
 *
 * @param curves the target probability at removed (inserted) fractions 0, 1/steps, ..., 1
 * @param areas each curve's area over [0, 1] by the trapezoid rule (deletion: lower is more faithful;
 *     insertion: higher)
 */
public record Curves(CurveConfig config, float[][] curves, double[] areas) {

    /** The mean area over the images (NaN for none). */
    public double meanArea() {
        return Arrays.stream(areas).average().orElse(Double.NaN);
    }
}
