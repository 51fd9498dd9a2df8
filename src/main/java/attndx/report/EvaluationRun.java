package attndx.report;

import attndx.calibrate.Predictions;
import attndx.calibrate.ShiftDetector;
import attndx.calibrate.TemperatureFit;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.Preprocessor;
import attndx.data.SyntheticShift;
import attndx.data.TaskType;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.EvaluationInput;
import attndx.metrics.EvaluationPlots;
import attndx.metrics.EvaluationReport;
import attndx.metrics.Evaluator;
import attndx.metrics.StressLevel;
import attndx.metrics.StressTest;
import attndx.metrics.StressTestReport;
import attndx.model.DiagnosisModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code attndx evaluate}: runs a saved model on a test split and reports diagnostic metrics with
 * patient-level CIs, calibration before and after temperature scaling fitted on a validation split
 * (the temperature is then stored in the model directory), selective prediction, the energy shift
 * score of the test cohort against validation, and the synthetic shift stress test (seed 5.6,
 * 7.4-7.7, 9.4, 10.2-10.3).
 */
public final class EvaluationRun {
    /** The file the result is written to inside the output folder. */
    public static final String FILE = "evaluation.json";

    private EvaluationRun() {}

    /**
     * What to evaluate.
     *
     * @param modelDir model directory
     * @param data dataset with splits assigned
     * @param testSplit split to evaluate
     * @param calibrationSplit split to fit the temperature on, or null to use the model's stored temperature
     * @param config evaluation settings
     * @param falseFlagRate validation false-flag rate of the shift threshold
     * @param stressStrengths strengths of the synthetic shifts (empty: no stress test)
     * @param outDir where evaluation.json and the plots go
     */
    public record Request(Path modelDir, Dataset data, String testSplit, String calibrationSplit,
            EvaluationConfig config, double falseFlagRate, List<Double> stressStrengths, Path outDir) {}

    /**
     * The result written to {@value #FILE}.
     *
     * @param report metrics, CIs, calibration, selective prediction
     * @param shift the test cohort's shift score against validation (null without a calibration split)
     * @param stress per synthetic shift kind, the stress test (empty when not run)
     * @param plots PNG files written
     */
    public record Result(EvaluationReport report, ShiftDetector.CohortShift shift, Map<String, StressTestReport> stress,
            List<Path> plots) {}

    /** Runs the evaluation and writes its files. */
    public static Result run(Request r) {
        try (DiagnosisModel model = DiagnosisModel.load(r.modelDir())) {
            List<String> classes = model.metadata().classNames();
            if (!classes.equals(r.data().info().classNames())) {
                throw new AttndxException("the data's classes " + r.data().info().classNames() + " do not match the model's "
                        + classes + " (" + r.modelDir() + ")");
            }
            Dataset test = r.data().split(r.testSplit());
            if (test.size() == 0) {
                throw new AttndxException("split '" + r.testSplit() + "' of " + r.data().info().source() + " is empty");
            }
            Preprocessor pre = new Preprocessor(model.metadata().preprocessing());
            PreparedSplit testSet = new PreparedSplit(test, pre);
            TaskType task = r.data().info().task();
            double stored = model.metadata().effectiveTemperature();
            PreparedSplit valSet = null;
            Predictions val = null;
            if (r.calibrationSplit() != null) {
                Dataset v = r.data().split(r.calibrationSplit());
                if (v.size() == 0) {
                    throw new AttndxException("calibration split '" + r.calibrationSplit() + "' is empty");
                }
                valSet = new PreparedSplit(v, pre);
                val = predictions(task, valSet.logits(model, null, 0, 0), valSet, 1.0);
            }
            // Without a calibration split the model's stored temperature is applied up front.
            double applied = val == null ? stored : 1.0;
            float[][] testLogits = testSet.logits(model, null, 0, 0);
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("model", r.modelDir().toString());
            cfg.put("testSplit", r.testSplit());
            cfg.put("calibrationSplit", r.calibrationSplit());
            cfg.put("temperatureApplied", applied);
            EvaluationInput in = new EvaluationInput(predictions(task, testLogits, testSet, applied),
                    testSet.patientIds(), classes, val, r.config(),
                    Provenance.capture("evaluation", cfg, DatasetFingerprint.of(test), r.config().bootstrap().seed()));
            EvaluationReport report = Evaluator.evaluate(in);
            TemperatureFit fit = report.temperature();
            if (fit != null) {
                model.withTemperature(fit.temperature()).saveMetadata(r.modelDir());
            }
            ShiftDetector.CohortShift shift = null;
            Map<String, StressTestReport> stress = new LinkedHashMap<>();
            if (val != null) {
                double t = fit == null ? 1.0 : fit.temperature();
                ShiftDetector detector = ShiftDetector.energy(val.logits(), t, r.falseFlagRate());
                shift = detector.test(detector.score(Predictions.widen(testLogits), null));
                for (SyntheticShift kind : SyntheticShift.values()) {
                    stress.put(kind.label(), stress(kind, r, model, testSet, task, detector, fit, report.warnings()));
                }
            }
            List<Path> plots = EvaluationPlots.write(report, r.outDir());
            Result result = new Result(report, shift, stress, plots);
            Json.write(r.outDir().resolve(FILE), result);
            return result;
        }
    }

    private static StressTestReport stress(SyntheticShift kind, Request r, DiagnosisModel model, PreparedSplit testSet,
            TaskType task, ShiftDetector detector, TemperatureFit fit, List<String> warnings) {
        List<StressLevel> levels = new ArrayList<>();
        for (double s : r.stressStrengths()) {
            float[][] logits = testSet.logits(model, kind, s, r.config().bootstrap().seed());
            levels.add(new StressLevel(s, predictions(task, logits, testSet, 1.0), null));
        }
        return StressTest.run(levels, detector, fit, r.config().calibrationBins(), new ArrayList<>(warnings));
    }

    private static Predictions predictions(TaskType task, float[][] logits, PreparedSplit split, double temperature) {
        double[][] l = Predictions.widen(logits);
        if (temperature != 1.0) {
            for (double[] row : l) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= temperature;
                }
            }
        }
        return task == TaskType.MULTILABEL ? Predictions.multiLabel(l, split.multiHot())
                : Predictions.singleLabel(task, l, split.labels());
    }
}
