package attndx.explain;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.Preprocessor;
import attndx.explain.eval.ExplainData;
import attndx.model.DiagnosisModel;
import attndx.kernels.ModelRunner;
import attndx.model.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded model with the images of a split prepared for it, its clean predictions and the class each map
 * explains. Owns the model and its runner: close it.
 *
 * @param warnings what the user should know (an uncalibrated model, ...)
 */
record ModelInputs(DiagnosisModel model, ModelRunner runner, ExplainData data, float[][] probabilities,
        int[] targets, List<String> warnings) implements AutoCloseable {

    /** Which class a map explains. */
    enum Target {
        /** The model's predicted (highest-probability) class. */
        PREDICTED,
        /** The image's label (single-label data). */
        LABEL
    }

    /** Loads {@code modelDir} and prepares the first {@code limit} images of {@code split}. */
    static ModelInputs load(java.nio.file.Path modelDir, Dataset split, int limit, Target target, int batchSize) {
        if (limit < 1) {
            throw new AttndxException("--limit must be >= 1 image, got " + limit);
        }
        DiagnosisModel model = DiagnosisModel.load(modelDir);
        try {
            List<String> warnings = new ArrayList<>();
            if (!model.metadata().classNames().equals(split.info().classNames())) {
                throw new AttndxException("the data's classes " + split.info().classNames() + " do not match the"
                        + " model's " + model.metadata().classNames() + " (" + modelDir + ")");
            }
            if (model.metadata().temperature() == null) {
                warnings.add("the model in " + modelDir + " is uncalibrated (no temperature in model.json): probabilities"
                        + " are at T = 1; run attndx evaluate --calibrate-on val first for calibrated curves");
            }
            if (model.config().multiLabel()) {
                throw new AttndxException("explanations of multi-label models are not supported yet (" + modelDir + ")");
            }
            ExplainData data = ExplainData.of(split, new Preprocessor(model.metadata().preprocessing()), limit);
            ModelRunner runner = new ModelRunner(model, batchSize);
            Prediction p = runner.predict(data.images(), data.channels(), data.height(), data.width());
            int[] targets = new int[data.size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = target == Target.LABEL ? data.labels()[i] : argmax(p.probabilities()[i]);
            }
            return new ModelInputs(model, runner, data, p.probabilities(), targets, warnings);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Each image's probability of its target class. */
    float[] targetProbabilities() {
        float[] out = new float[targets.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i][targets[i]];
        }
        return out;
    }

    /** Every method's maps of the prepared images. */
    java.util.Map<String, float[][]> maps(List<String> methods, MethodOptions options, Runnable step) {
        java.util.Map<String, float[][]> out = new java.util.LinkedHashMap<>();
        for (String m : methods) {
            try (ExplanationMethod e = Methods.create(m, model, runner, options)) {
                out.put(m, e.explain(data.images(), data.channels(), data.height(), data.width(), targets));
            }
            step.run();
        }
        return out;
    }

    @Override
    public void close() {
        runner.close();
        model.close();
    }
}
