package attndx.calibrate;

/**
 * Outcome of abstaining below a confidence threshold {@code tau}: cases with top-label probability
 * below tau are referred to standard review (paper 9.4, 10.2).
 *
 * @param targetCoverage the coverage the threshold was chosen for (NaN when chosen otherwise)
 * @param threshold tau; a prediction is accepted when its confidence is {@code >= tau}
 * @param coverage fraction of images accepted
 * @param referred images referred to standard review
 * @param accuracy accuracy among the accepted (NaN when none accepted)
 * @param sensitivity binary tasks: fraction of accepted positives predicted positive (null otherwise;
 *     NaN when no positive was accepted)
 */
public record CoveragePoint(double targetCoverage, double threshold, double coverage, int referred, double accuracy,
        Double sensitivity) {
}
