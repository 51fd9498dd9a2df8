package attndx.metrics;

import attndx.calibrate.CalibrationMetrics;
import attndx.calibrate.Predictions;
import attndx.calibrate.ShiftDetector;
import attndx.calibrate.TemperatureFit;
import java.util.ArrayList;
import java.util.List;

/** Runs the synthetic-shift stress test report from per-strength outputs (paper 10.3). */
public final class StressTest {
    private StressTest() {}

    /**
     * Reports AUC, ECE (at {@code fit}'s temperature, or 1 when null) and the detector's flag rate and
     * KS result for each level; undefined AUCs are NaN with a warning in {@code warnings}.
     */
    public static StressTestReport run(List<StressLevel> levels, ShiftDetector detector, TemperatureFit fit, int bins,
            List<String> warnings) {
        double t = fit == null ? 1.0 : fit.temperature();
        List<StressTestReport.Point> points = new ArrayList<>();
        for (StressLevel level : levels) {
            Predictions p = level.predictions();
            ShiftDetector.CohortShift shift = detector.test(detector.score(p.logits(), level.features()));
            double auc = RocAuc.macro(p, t, "at strength " + level.strength(), warnings);
            points.add(new StressTestReport.Point(level.strength(), p.size(), auc, CalibrationMetrics.meanEce(p, t, bins),
                    shift.flagRate(), shift.ks()));
        }
        return new StressTestReport(detector.method(), detector.falseFlagRate(), t, points);
    }
}
