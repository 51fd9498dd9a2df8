package attndx.metrics;

import attndx.core.AttndxException;
import attndx.calibrate.CalibrationComparison;
import attndx.calibrate.Predictions;
import attndx.calibrate.SelectivePrediction;
import attndx.calibrate.SelectiveReport;
import attndx.calibrate.TemperatureFit;
import attndx.calibrate.TemperatureScaling;
import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation service (paper 7.4-7.7, 9.4): fits a temperature on the validation predictions when
 * given, then reports diagnostic metrics with patient-level bootstrap CIs on the (calibrated) test
 * probabilities, test calibration before and after scaling, and selective prediction. Ranking
 * metrics (AUC) do not change with the temperature; thresholds refer to the calibrated probabilities.
 * With validation predictions, the operating point for the target specificity is also chosen on
 * validation and applied unchanged to test ({@link ValidationOperatingPoint}).
 */
public final class Evaluator {
    private Evaluator() {}

    /** Evaluates {@code in}; malformed input throws, degenerate input gives NaN plus a warning. */
    public static EvaluationReport evaluate(EvaluationInput in) {
        List<String> warnings = new ArrayList<>();
        Predictions test = in.test();
        EvaluationConfig cfg = in.config();
        if (test.size() == 0) {
            warnings.add("the test set is empty; every metric is NaN");
        }
        TemperatureFit fit = in.validation() == null ? null : fitOrWarn(in.validation(), warnings);
        double t = fit == null ? 1.0 : fit.temperature();
        PatientGroups groups = PatientGroups.of(in.patientIds(), test.size());
        Predictions val = in.validation() != null && in.validation().size() > 0 ? in.validation() : null;
        DiagnosticSummary diagnostic = DiagnosticMetrics.evaluate(test.task(), test.probabilities(t), test.targets(),
                in.classNames(), groups, cfg, val == null ? null : val.probabilities(t), val == null ? null
                        : val.targets(), warnings);
        List<CalibrationComparison> calibration = CalibrationComparison.of(test, fit, in.classNames(),
                cfg.calibrationBins());
        SelectiveReport selective = test.task() == TaskType.MULTILABEL ? null
                : SelectivePrediction.report(test, t, in.validation(), cfg.coverages(), cfg.abstentionCoverage());
        return new EvaluationReport(EvaluationReport.FORMAT, in.provenance(), test.task(), test.size(),
                groups.patients(), in.classNames(), cfg, fit == null ? "uncalibrated" : "calibrated", diagnostic, fit,
                calibration, selective, warnings);
    }

    /**
     * The temperature fitted on validation, or null with a warning when the fit does not converge
     * (e.g. a model at chance or perfectly separated validation logits): the other figures are still
     * worth having, and the report then says the probabilities are uncalibrated.
     */
    private static TemperatureFit fitOrWarn(Predictions validation, List<String> warnings) {
        try {
            return TemperatureScaling.fit(validation);
        } catch (AttndxException e) {
            warnings.add("no temperature fitted, probabilities stay uncalibrated: " + e.getMessage());
            return null;
        }
    }
}
