package attndx.data;

/**
 * Quality-control thresholds (seed section 7.8: flag under-exposure, blur and truncated fields of
 * view for manual review). Intensities are in [0,1].
 *
 * <p>How the defaults were chosen: measured on the 1214 normal PneumoniaMNIST training images
 * (28x28) and on 1000 default phantom images (64x64), none of which they flag: mean intensity there
 * spans 0.20-0.73, standard deviation 0.09-0.28, sharpness 0.21-1.9, constant border 0. A Gaussian
 * blur of sigma 1 px drops sharpness to 0.03-0.12 on PneumoniaMNIST (about 90 % flagged) and to
 * 0.03-0.05 on the phantom (all flagged). Sharpness depends on resolution: at 256 px and above
 * images are smoother per pixel and {@code minSharpness} should be lowered (e.g. 0.01). Noise-free
 * phantoms have up to 0.33 of flat air at the border, hence 0.35 for {@code maxConstantBorder}.
 *
 * @param minMean below this mean intensity the image is under-exposed, in [0,1)
 * @param maxMean above this mean intensity the image is over-exposed, in (minMean, 1]
 * @param minStd below this intensity standard deviation the image has too little contrast, in [0,1)
 * @param minSharpness below this variance-of-Laplacian / variance ratio the image is blurred, &gt;= 0
 * @param maxConstantBorder above this fraction of the area in constant outer rows/columns the field of view
 *     is truncated, in (0,1]
 * @param flatTolerance largest max - min range of a row/column that still counts as constant, in [0, 0.5]
 */
public record QcConfig(double minMean, double maxMean, double minStd, double minSharpness,
        double maxConstantBorder, double flatTolerance) {

    public QcConfig {
        if (!(minMean >= 0 && minMean < 1)) {
            throw new IllegalArgumentException("qc.minMean must be in [0,1), got " + minMean);
        }
        if (!(maxMean > minMean && maxMean <= 1)) {
            throw new IllegalArgumentException("qc.maxMean must be in (minMean=" + minMean + ", 1], got " + maxMean);
        }
        if (!(minStd >= 0 && minStd < 1)) {
            throw new IllegalArgumentException("qc.minStd must be in [0,1), got " + minStd);
        }
        if (!(minSharpness >= 0) || Double.isInfinite(minSharpness)) {
            throw new IllegalArgumentException("qc.minSharpness must be finite and >= 0, got " + minSharpness);
        }
        if (!(maxConstantBorder > 0 && maxConstantBorder <= 1)) {
            throw new IllegalArgumentException("qc.maxConstantBorder must be in (0,1], got " + maxConstantBorder);
        }
        if (!(flatTolerance >= 0 && flatTolerance <= 0.5)) {
            throw new IllegalArgumentException("qc.flatTolerance must be in [0, 0.5], got " + flatTolerance);
        }
    }

    /** Mean in [0.1, 0.85], std at least 0.04, sharpness at least 0.1, constant border at most 35 % (tolerance 0.01). */
    public static QcConfig defaults() {
        return new QcConfig(0.1, 0.85, 0.04, 0.1, 0.35, 0.01);
    }
}
