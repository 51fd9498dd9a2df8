package attndx.metrics;

import attndx.calibrate.KsResult;
import java.util.List;

/**
 * Synthetic shift stress test: how discrimination, calibration and the shift detector respond as
 * the shift grows (paper 10.3).
 *
 * @param shiftScore the detector's score ("mahalanobis" or "energy")
 * @param falseFlagRate the validation false-flag rate the threshold was set for
 * @param temperature the temperature ECE is measured at
 * @param levels one entry per strength, in the order given
 */
public record StressTestReport(String shiftScore, double falseFlagRate, double temperature, List<Point> levels) {

    public StressTestReport {
        levels = List.copyOf(levels);
    }

    /**
     * Results at one strength.
     *
     * @param strength the shift strength
     * @param images images evaluated
     * @param auc AUC (binary) or macro AUC (multi-class, multi-label); NaN when undefined
     * @param ece top-label ECE at the temperature (multi-label: mean over labels)
     * @param flagRate fraction of images the detector flags
     * @param ks KS comparison of the level's scores with the validation scores (null for fewer than 2 images)
     */
    public record Point(double strength, int images, double auc, double ece, double flagRate, KsResult ks) {
    }
}
