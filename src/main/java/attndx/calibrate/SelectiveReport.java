package attndx.calibrate;

import java.util.List;

/**
 * Selective-prediction summary (paper 9.4).
 *
 * @param aurc area under the risk-coverage curve (lower is better)
 * @param atCoverages outcome at each requested coverage, thresholds set on the evaluated set itself
 * @param validationChosen outcome of the tau chosen on validation data for the target coverage
 *     (null when no validation data was given)
 */
public record SelectiveReport(double aurc, List<CoveragePoint> atCoverages, CoveragePoint validationChosen) {

    public SelectiveReport {
        atCoverages = List.copyOf(atCoverages);
    }
}
