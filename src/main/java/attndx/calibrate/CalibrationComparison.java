package attndx.calibrate;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of one output (the whole single-label prediction, or one label of a multi-label task)
 * before and after temperature scaling, side by side (paper 7.7).
 *
 * @param name "all" for a single-label task, else the label name
 * @param before metrics at {@code T = 1}
 * @param after metrics at the fitted temperature, or null when no temperature was fitted
 */
public record CalibrationComparison(String name, CalibrationMetrics before, CalibrationMetrics after) {

    /**
     * Compares {@code p} before and after {@code fit} (null: before only). Multi-label predictions give
     * one comparison per label, named by {@code labelNames}.
     */
    public static List<CalibrationComparison> of(Predictions p, TemperatureFit fit, List<String> labelNames,
            int bins) {
        List<CalibrationComparison> out = new ArrayList<>();
        if (p.task() != TaskType.MULTILABEL) {
            out.add(compare("all", p, fit, bins));
            return out;
        }
        if (labelNames.size() != p.logitCount()) {
            throw new IllegalArgumentException(labelNames.size() + " label names for " + p.logitCount() + " labels");
        }
        for (int j = 0; j < p.logitCount(); j++) {
            out.add(compare(labelNames.get(j), p.label(j), fit, bins));
        }
        return out;
    }

    private static CalibrationComparison compare(String name, Predictions p, TemperatureFit fit, int bins) {
        return new CalibrationComparison(name, CalibrationMetrics.of(p, 1.0, bins),
                fit == null ? null : CalibrationMetrics.of(p, fit.temperature(), bins));
    }
}
