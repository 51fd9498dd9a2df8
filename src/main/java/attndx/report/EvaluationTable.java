package attndx.report;

import attndx.calibrate.CalibrationComparison;
import attndx.metrics.ClassMetrics;
import attndx.metrics.Estimate;
import attndx.metrics.EvaluationReport;
import attndx.metrics.SegmentationOverlap;
import attndx.metrics.StressTestReport;
import java.util.Locale;
import java.util.Map;

/** The plain-text summary of an {@link EvaluationRun.Result} printed by {@code attndx evaluate}. */
public final class EvaluationTable {
    private EvaluationTable() {}

    /** Formats the result as a few aligned tables. */
    public static String format(EvaluationRun.Result result) {
        EvaluationReport r = result.report();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d images, %d patients, task %s, probabilities %s%n", r.images(),
                r.patients(), r.task(), r.probabilities()));
        boolean fromValidation = r.diagnostic().perClass().stream().anyMatch(c -> c.atValidationThreshold() != null);
        sb.append(String.format(Locale.ROOT, "%-14s %-24s %-24s %-24s %-24s%n", "class", "AUC",
                fromValidation ? "sens@spec (val thr)" : "sens@spec (test thr)", "spec@sens", "accuracy@thr"));
        for (ClassMetrics c : r.diagnostic().perClass()) {
            sb.append(String.format(Locale.ROOT, "%-14s %-24s %-24s %-24s %-24s%n", c.name(), ci(c.auc()),
                    ci(fromValidation ? c.atValidationThreshold().sensitivity() : c.atSpecificity().sensitivity()),
                    ci(c.atSensitivity().specificity()), ci(c.atThreshold().accuracy())));
        }
        sb.append(operatingPoints(r, fromValidation));
        if (r.temperature() != null) {
            sb.append(String.format(Locale.ROOT, "temperature %.4f (NLL %.4f -> %.4f on validation)%n",
                    r.temperature().temperature(), r.temperature().nllBefore(), r.temperature().nllAfter()));
        }
        for (CalibrationComparison c : r.calibration()) {
            if (c.after() == null) {
                sb.append(String.format(Locale.ROOT, "calibration %s: ECE %.4f, Brier %.4f, NLL %.4f (no temperature fitted)%n",
                        c.name(), c.before().ece(), c.before().brier(), c.before().nll()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "calibration %s: ECE %.4f -> %.4f, Brier %.4f -> %.4f, NLL %.4f -> %.4f%n",
                    c.name(), c.before().ece(), c.after().ece(), c.before().brier(), c.after().brier(),
                    c.before().nll(), c.after().nll()));
        }
        if (r.selective() != null) {
            sb.append(String.format(Locale.ROOT, "selective prediction: AURC %.4f%n", r.selective().aurc()));
        }
        if (result.shift() != null) {
            sb.append(String.format(Locale.ROOT, "shift (%s score) vs validation: flag rate %.3f, KS p = %.4f%n",
                    result.shiftScore(), result.shift().flagRate(), result.shift().ks() == null ? Double.NaN : result.shift().ks().pValue()));
        }
        for (Map.Entry<String, StressTestReport> e : result.stress().entrySet()) {
            sb.append("stress ").append(e.getKey()).append(':');
            for (StressTestReport.Point p : e.getValue().levels()) {
                sb.append(String.format(Locale.ROOT, "  s=%.2f AUC %.3f ECE %.3f flag %.2f", p.strength(), p.auc(),
                        p.ece(), p.flagRate()));
            }
            sb.append(System.lineSeparator());
        }
        SegmentationOverlap.Report seg = result.segmentation();
        if (seg != null) {
            sb.append(String.format(Locale.ROOT, "segmentation head on %d images with a lesion mask: Dice %.4f, IoU %.4f"
                    + " (%d empty masks left out, %d of them with a predicted lesion)%n", seg.images(), seg.dice(),
                    seg.iou(), seg.emptyMasks(), seg.emptyMasksWithLesion()));
            seg.warnings().forEach(w -> sb.append("warning: ").append(w).append(System.lineSeparator()));
        }
        r.warnings().forEach(w -> sb.append("warning: ").append(w).append(System.lineSeparator()));
        return sb.toString();
    }

    /**
     * What the sens@spec column means: with a validation split, the threshold chosen there and applied
     * unchanged to test (with the test specificity it gives), next to the optimistic test-chosen figure.
     */
    private static String operatingPoints(EvaluationReport r, boolean fromValidation) {
        StringBuilder sb = new StringBuilder();
        for (ClassMetrics c : r.diagnostic().perClass()) {
            if (fromValidation) {
                var v = c.atValidationThreshold();
                sb.append(String.format(Locale.ROOT, "  %s: threshold %.4f chosen on validation for specificity %.2f,"
                        + " applied to test: sensitivity %s, specificity %s; chosen on test itself (optimistic):"
                        + " sensitivity %s%n", c.name(), v.threshold(), v.targetSpecificity(), ci(v.sensitivity()),
                        ci(v.specificity()), ci(c.atSpecificity().sensitivity())));
            } else {
                sb.append(String.format(Locale.ROOT, "  %s: sens@spec threshold %.4f chosen on the test images"
                        + " themselves (optimistic; give --calibrate-on val for a validation-chosen one)%n", c.name(),
                        c.atSpecificity().threshold()));
            }
        }
        return sb.toString();
    }

    private static String ci(Estimate e) {
        if (Double.isNaN(e.value())) {
            return "undefined";
        }
        return Double.isNaN(e.lower()) ? String.format(Locale.ROOT, "%.4f", e.value())
                : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.value(), e.lower(), e.upper());
    }
}
