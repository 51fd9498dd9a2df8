package attndx.metrics;

import attndx.calibrate.CalibrationComparison;
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
            points.add(new StressTestReport.Point(level.strength(), p.size(), macroAuc(p, t, level, warnings),
                    meanEce(p, fit, bins), shift.flagRate(), shift.ks()));
        }
        return new StressTestReport(detector.method(), detector.falseFlagRate(), t, points);
    }

    private static double macroAuc(Predictions p, double t, StressLevel level, List<String> warnings) {
        double[][] prob = p.probabilities(t);
        boolean[][] truth = p.targets();
        int first = p.task() == attndx.data.TaskType.BINARY ? 1 : 0;
        double sum = 0;
        int defined = 0;
        for (int j = first; j < p.columns(); j++) {
            double[] s = new double[prob.length];
            boolean[] y = new boolean[prob.length];
            for (int i = 0; i < prob.length; i++) {
                s[i] = prob[i][j];
                y[i] = truth[i][j];
            }
            double a = RocAuc.auc(s, y, "column " + j + " at strength " + level.strength(), warnings);
            if (!Double.isNaN(a)) {
                sum += a;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    private static double meanEce(Predictions p, TemperatureFit fit, int bins) {
        List<CalibrationComparison> c = CalibrationComparison.of(p, fit,
                java.util.Collections.nCopies(p.logitCount(), "label"), bins);
        return c.stream().mapToDouble(x -> (x.after() == null ? x.before() : x.after()).ece()).average()
                .orElse(Double.NaN);
    }
}
