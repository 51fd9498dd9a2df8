package attndx.calibrate;

import java.util.List;

/**
 * Selective-prediction summary (paper 9.4).
 *
 * @param aurc area under the risk-coverage curve (lower is better)
 * @param atCoverages outcome at each requested coverage, thresholds set on the evaluated set itself
 * @param validationChosen outcome of the tau chosen on validation data for the target coverage
 *     (null when no validation data was given)
 * @param curve the risk-coverage curve drawn from the evaluated set: the outcome at coverages 0.05, 0.10, ..., 1
 */
public record SelectiveReport(double aurc, List<CoveragePoint> atCoverages, CoveragePoint validationChosen,
        List<CoveragePoint> curve) {

    public SelectiveReport {
        atCoverages = List.copyOf(atCoverages);
        curve = List.copyOf(curve);
    }
}
