package attndx.calibrate;

import java.util.List;

/**
 * Calibration of a (possibly shifted) cohort before and after the temperature fitted on the
 * validation set, so the effect of distribution shift stays visible (paper 7.7, 10.3).
 *
 * @param cohort the cohort's name
 * @param size images in the cohort
 * @param fit the temperature fitted on validation data (not on this cohort)
 * @param comparisons before/after metrics, one per output (see {@link CalibrationComparison})
 */
public record CohortCalibration(String cohort, int size, TemperatureFit fit, List<CalibrationComparison> comparisons) {

    public CohortCalibration {
        comparisons = List.copyOf(comparisons);
    }

    /** Measures {@code cohort} at T = 1 and at {@code fit}'s temperature. */
    public static CohortCalibration of(String name, Predictions cohort, TemperatureFit fit, List<String> labelNames,
            int bins) {
        return new CohortCalibration(name, cohort.size(), fit,
                CalibrationComparison.of(cohort, fit, labelNames, bins));
    }
}
