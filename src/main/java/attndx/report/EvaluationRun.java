package attndx.report;

import attndx.calibrate.McDropout;
import attndx.calibrate.McDropoutSummary;
import attndx.calibrate.Predictions;
import attndx.calibrate.ShiftDetector;
import attndx.calibrate.TemperatureFit;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.Preprocessor;
import attndx.data.Splits;
import attndx.data.SyntheticShift;
import attndx.data.TaskType;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.EvaluationInput;
import attndx.metrics.EvaluationPlots;
import attndx.metrics.EvaluationReport;
import attndx.metrics.Evaluator;
import attndx.metrics.SegmentationOverlap;
import attndx.metrics.StressLevel;
import attndx.metrics.StressTest;
import attndx.metrics.StressTestReport;
import attndx.model.DiagnosisModel;
import attndx.kernels.InferenceKernels;
import attndx.kernels.KernelSelection;
import attndx.kernels.ModelRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code attndx evaluate}: runs a saved model on a test split and reports diagnostic metrics with
 * patient-level CIs, calibration before and after temperature scaling fitted on a validation split
 * (the temperature is then stored in the model directory), selective prediction, optional
 * Monte-Carlo dropout uncertainty, the shift score of the test cohort against validation, and the
 * synthetic shift stress test (seed 5.6, 7.4-7.7, 9.4, 10.2-10.3). With a calibration split, the deployment's
 * decision rules ({@link DecisionChoice}: tau, triage operating point, shift threshold) are stored next to it.
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
     * @param mcPasses Monte-Carlo dropout passes (0: none; needs a model with dropout)
     * @param kernels the operators of the inference backbone ({@link InferenceKernels#ONEDNN_BF16}: bfloat16)
     * @param outDir where evaluation.json and the plots go
     */
    public record Request(Path modelDir, Dataset data, String testSplit, String calibrationSplit,
            EvaluationConfig config, double falseFlagRate, List<Double> stressStrengths, int mcPasses,
            InferenceKernels kernels, Path outDir) {
        public Request {
            if (calibrationSplit != null && calibrationSplit.equals(testSplit)) {
                // the temperature (and the validation-chosen operating point) would be fitted on the very
                // images they are then judged on, and the temperature would be stored in the model
                throw new AttndxException("the calibration split must differ from the evaluated split: both are '"
                        + testSplit + "' (calibrate on val, evaluate on test)");
            }
        }
    }

    /**
     * The result written to {@value #FILE}.
     *
     * @param report metrics, CIs, calibration, selective prediction
     * @param shiftScore the shift score used: "mahalanobis" (pooled features) or "energy" (logits); null without a calibration split
     * @param shift the test cohort's shift score against validation (null without a calibration split)
     * @param stress per synthetic shift kind, the stress test (empty when not run)
     * @param mcDropout per-image MC-dropout uncertainty of the test images (null when not run)
     * @param segmentation Dice and IoU of the segmentation head on the test images with a mask (null for
     *     models without the head)
     * @param plots PNG files written
     */
    public record Result(EvaluationReport report, String shiftScore, ShiftDetector.CohortShift shift, Map<String, StressTestReport> stress,
            McDropoutSummary mcDropout, SegmentationOverlap.Report segmentation, List<Path> plots) {}

    /** Runs the evaluation and writes its files. */
    public static Result run(Request r) {
        try (DiagnosisModel model = DiagnosisModel.load(r.modelDir())) {
            List<String> classes = model.metadata().classNames();
            if (!classes.equals(r.data().info().classNames())) {
                throw new AttndxException("the data's classes " + r.data().info().classNames() + " do not match the model's "
                        + classes + " (" + r.modelDir() + ")");
            }
            Preprocessor pre = new Preprocessor(model.metadata().preprocessing());
            TaskType task = r.data().info().task();
            Dataset testSplit = nonEmpty(r, r.testSplit());
            PreparedSplit testSet = new PreparedSplit(testSplit, pre);
            PreparedSplit valSet = r.calibrationSplit() == null ? null : new PreparedSplit(nonEmpty(r, r.calibrationSplit()), pre);
            Dataset trainSplit = r.data().split(Splits.TRAIN);
            PreparedSplit trainSet = valSet != null && trainSplit.size() > 1 ? new PreparedSplit(trainSplit, pre) : null;
            boolean features = ShiftAnalysis.usesFeatures(task, trainSet);
            long seed = r.config().bootstrap().seed();
            PreparedSplit.Outputs test = testSet.run(model, r.kernels(), null, 0, seed, features);
            PreparedSplit.Outputs val = valSet == null ? null : valSet.run(model, r.kernels(), null, 0, seed, features);
            // Without a calibration split the model's stored temperature is applied up front.
            double applied = val == null ? model.metadata().effectiveTemperature() : 1.0;
            EvaluationInput in = new EvaluationInput(predictions(task, test.logits(), testSet, applied),
                    testSet.patientIds(), classes, val == null ? null : predictions(task, val.logits(), valSet, 1.0),
                    r.config(), Provenance.capture("evaluation", provenanceConfig(r, applied),
                            DatasetFingerprint.of(testSplit), seed));
            EvaluationReport report = Evaluator.evaluate(in).withWarnings(model.warnings());
            TemperatureFit fit = report.temperature();
            if (fit != null) {
                // The decision rules are chosen at the stored temperature, so they are only stored with one.
                model.withTemperature(fit.temperature())
                        .withDecision(DecisionChoice.choose(r.calibrationSplit(), in.validation(), fit.temperature(),
                                report.selective(), r.config(), r.falseFlagRate()))
                        .saveMetadata(r.modelDir());
            }
            ShiftDetector.CohortShift shift = null;
            String shiftScore = null;
            Map<String, StressTestReport> stress = new LinkedHashMap<>();
            List<String> stressWarnings = new ArrayList<>();
            if (val != null) {
                double t = fit == null ? 1.0 : fit.temperature();
                PreparedSplit.Outputs train = features ? trainSet.run(model, r.kernels(), null, 0, seed, true) : null;
                ShiftDetector detector = ShiftAnalysis.fit(task, train, features ? trainSet.labels() : null, val, t,
                        r.falseFlagRate());
                shift = ShiftAnalysis.test(detector, test);
                shiftScore = detector.method();
                stress = stressTests(r, model, testSet, task, detector, fit, features, stressWarnings);
            }
            report = report.withWarnings(stressWarnings);
            McDropoutSummary mc = r.mcPasses() > 0 ? mcDropout(model, test, testSet, task, r.mcPasses(), seed,
                    fit == null ? applied : fit.temperature()) : null;
            SegmentationOverlap.Report seg = model.config().segmentationHead()
                    ? segmentation(model, r.kernels(), test, testSet) : null;
            List<Path> plots = EvaluationPlots.write(report, r.outDir());
            Result result = new Result(report, shiftScore, shift, stress, mc, seg, plots);
            Json.write(r.outDir().resolve(FILE), result);
            return result;
        }
    }

    private static Dataset nonEmpty(Request r, String split) {
        Dataset d = r.data().split(split);
        if (d.size() == 0) {
            throw new AttndxException("split '" + split + "' of " + r.data().info().source() + " is empty");
        }
        return d;
    }

    private static Map<String, Object> provenanceConfig(Request r, double applied) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("model", r.modelDir().toString());
        cfg.put("testSplit", r.testSplit());
        cfg.put("calibrationSplit", r.calibrationSplit());
        cfg.put("temperatureApplied", applied);
        cfg.put("falseFlagRate", r.falseFlagRate());
        cfg.put("stressStrengths", r.stressStrengths());
        cfg.put("mcPasses", r.mcPasses());
        cfg.put("inferenceKernels", KernelSelection.current().effective(r.kernels()).name());
        cfg.put("kernelSelection", KernelSelection.current().line());
        return cfg;
    }

    /** Every kind of synthetic shift at every strength; undefined figures add warnings naming the kind. */
    private static Map<String, StressTestReport> stressTests(Request r, DiagnosisModel model, PreparedSplit testSet,
            TaskType task, ShiftDetector detector, TemperatureFit fit, boolean features, List<String> warnings) {
        Map<String, StressTestReport> stress = new LinkedHashMap<>();
        SyntheticShift[] kinds = r.stressStrengths().isEmpty() ? new SyntheticShift[0] : SyntheticShift.values();
        for (SyntheticShift kind : kinds) {
            List<String> kindWarnings = new ArrayList<>();
            stress.put(kind.label(), stress(kind, r, model, testSet, task, detector, fit, features, kindWarnings));
            kindWarnings.forEach(w -> warnings.add("stress test " + kind.label() + ": " + w));
        }
        return stress;
    }

    private static StressTestReport stress(SyntheticShift kind, Request r, DiagnosisModel model, PreparedSplit testSet,
            TaskType task, ShiftDetector detector, TemperatureFit fit, boolean features, List<String> warnings) {
        List<StressLevel> levels = new ArrayList<>();
        for (double s : r.stressStrengths()) {
            PreparedSplit.Outputs out = testSet.run(model, r.kernels(), kind, s, r.config().bootstrap().seed(), features);
            levels.add(new StressLevel(s, predictions(task, out.logits(), testSet, 1.0),
                    out.features() == null ? null : Predictions.widen(out.features())));
        }
        return StressTest.run(levels, detector, fit, r.config().calibrationBins(), warnings);
    }

    private static McDropoutSummary mcDropout(DiagnosisModel model, PreparedSplit.Outputs test, PreparedSplit testSet,
            TaskType task, int passes, long seed, double temperature) {
        int[] shape = testSet.imageShape();
        float[][][] logits;
        try (ModelRunner runner = new ModelRunner(model, 64)) {
            logits = runner.mcDropoutLogits(test.images(), shape[0], shape[1], shape[2], passes, (int) seed);
        }
        double[][][] probs = new double[passes][][];
        for (int p = 0; p < passes; p++) {
            probs[p] = predictions(task, logits[p], testSet, temperature).probabilities(1.0);
        }
        return McDropout.summarise(probs);
    }

    /** Dice and IoU of the segmentation head on the split's images that have a mask (seed 4.1). */
    private static SegmentationOverlap.Report segmentation(DiagnosisModel model, InferenceKernels kernels,
            PreparedSplit.Outputs test, PreparedSplit testSet) {
        float[][] masks = testSet.masks();
        List<float[]> images = new ArrayList<>();
        List<float[]> kept = new ArrayList<>();
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] != null) {
                images.add(test.images()[i]);
                kept.add(masks[i]);
            }
        }
        SegmentationOverlap overlap = new SegmentationOverlap();
        if (!images.isEmpty()) {
            int[] shape = testSet.imageShape();
            float[][] probabilities;
            try (ModelRunner runner = new ModelRunner(model, 64, kernels)) {
                probabilities = runner.segmentation(images.toArray(new float[0][]), shape[0], shape[1], shape[2]);
            }
            for (int i = 0; i < probabilities.length; i++) {
                overlap.update(probabilities[i], kept.get(i));
            }
        }
        return overlap.aggregate();
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
