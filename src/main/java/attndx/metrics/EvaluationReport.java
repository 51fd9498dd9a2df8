package attndx.metrics;

import attndx.calibrate.CalibrationComparison;
import attndx.calibrate.SelectiveReport;
import attndx.calibrate.TemperatureFit;
import attndx.core.Provenance;
import attndx.data.TaskType;
import java.util.List;

/**
 * The result of {@link Evaluator#evaluate}: every figure with its patient-level CI, calibration
 * before/after temperature scaling, selective prediction and all warnings; serialisable with
 * {@link attndx.core.Json} (NaN and infinite values are written as the strings "NaN"/"Infinity").
 *
 * @param format report format version, {@value #FORMAT}
 * @param provenance where the evaluated predictions came from
 * @param task the task type
 * @param images test images
 * @param patients distinct test patients (bootstrap units)
 * @param classNames class or label names
 * @param config the settings used
 * @param probabilities which probabilities thresholds refer to: "calibrated" (fitted temperature) or "uncalibrated"
 * @param diagnostic AUC, operating points and threshold metrics
 * @param temperature the temperature fitted on validation data, or null when none was given
 * @param calibration test-set calibration before and after scaling
 * @param selective selective prediction on the (calibrated) test probabilities; null for multi-label tasks
 * @param warnings degenerate cases met, e.g. a class without positives (its metrics are NaN)
 */
public record EvaluationReport(String format, Provenance provenance, TaskType task, int images, int patients,
        List<String> classNames, EvaluationConfig config, String probabilities, DiagnosticSummary diagnostic,
        TemperatureFit temperature, List<CalibrationComparison> calibration, SelectiveReport selective,
        List<String> warnings) {

    /** The current report format. */
    public static final String FORMAT = "attndx-evaluation/1";

    public EvaluationReport {
        classNames = List.copyOf(classNames);
        calibration = List.copyOf(calibration);
        warnings = List.copyOf(warnings);
    }

    /** This report with {@code more} warnings after its own (e.g. from the stress test or the model's loading). */
    public EvaluationReport withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new EvaluationReport(format, provenance, task, images, patients, classNames, config, probabilities,
                diagnostic, temperature, calibration, selective, all);
    }
}
