package attndx.metrics;

import attndx.calibrate.Predictions;
import attndx.core.AttndxException;
import attndx.core.Provenance;
import attndx.data.TaskType;
import java.util.List;

/**
 * Everything an evaluation needs, as plain arrays: test predictions, patient ids, class names, the
 * optional validation predictions the temperature and the abstention threshold are fitted on, the
 * settings, and the provenance the report will carry.
 *
 * @param test test-set logits and labels
 * @param patientIds patient of each test image (null, or null/blank entries: the image is its own patient)
 * @param classNames binary: 2 names (negative, positive); multi-class: k; multi-label: k label names
 * @param validation validation logits and labels of the same task, or null (no calibration fit)
 * @param config evaluation settings
 * @param provenance where the predictions came from (model, data fingerprint, seed, versions)
 */
public record EvaluationInput(Predictions test, String[] patientIds, List<String> classNames, Predictions validation,
        EvaluationConfig config, Provenance provenance) {

    public EvaluationInput {
        if (test == null || config == null || provenance == null || classNames == null) {
            throw new IllegalArgumentException("test predictions, class names, config and provenance are required");
        }
        classNames = List.copyOf(classNames);
        if (test.size() > 0 && classNames.size() != test.columns()) {
            throw new AttndxException(classNames.size() + " class names " + classNames + " for " + test.columns()
                    + " " + (test.task() == TaskType.MULTILABEL ? "labels" : "classes") + " of a " + test.task()
                    + " task");
        }
        if (patientIds != null && patientIds.length != test.size()) {
            throw new AttndxException("patient ids has " + patientIds.length + " entries but the test set has "
                    + test.size() + " images");
        }
        if (validation != null && (validation.task() != test.task()
                || (validation.size() > 0 && validation.logitCount() != test.logitCount()))) {
            throw new AttndxException("validation predictions (" + validation + ") do not match the test predictions ("
                    + test + ")");
        }
    }

    /** Input with default settings: binary/multi-class logits {@code n x k} and class indices. */
    public static EvaluationInput singleLabel(TaskType task, float[][] logits, int[] labels, String[] patientIds,
            List<String> classNames, Provenance provenance) {
        return new EvaluationInput(Predictions.singleLabel(task, Predictions.widen(logits), labels), patientIds,
                classNames, null, EvaluationConfig.defaults(), provenance);
    }

    /** Input with default settings: multi-label logits {@code n x k} and presence flags. */
    public static EvaluationInput multiLabel(float[][] logits, boolean[][] present, String[] patientIds,
            List<String> labelNames, Provenance provenance) {
        return new EvaluationInput(Predictions.multiLabel(Predictions.widen(logits), present), patientIds,
                labelNames, null, EvaluationConfig.defaults(), provenance);
    }

    /** This input with validation predictions for temperature scaling and tau. */
    public EvaluationInput withValidation(Predictions v) {
        return new EvaluationInput(test, patientIds, classNames, v, config, provenance);
    }

    /** This input with other settings. */
    public EvaluationInput withConfig(EvaluationConfig c) {
        return new EvaluationInput(test, patientIds, classNames, validation, c, provenance);
    }
}
