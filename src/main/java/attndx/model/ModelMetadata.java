package attndx.model;

import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.util.List;
import java.util.Objects;

/**
 * The content of a saved model's {@code model.json}: everything besides the parameters that is needed
 * to use the model exactly as it was trained.
 *
 * @param formatVersion layout version of model.json ({@link #FORMAT_VERSION})
 * @param config the network description
 * @param preprocessing the preprocessing every input must go through
 * @param classNames one display name per logit, in logit order
 * @param temperature the calibration temperature T of paper 5.6 (p = softmax(l / T)), or null when uncalibrated
 * @param provenance where the model came from (training config, data fingerprint, seed, versions)
 * @param parametersSha256 SHA-256 (64 lower-case hex digits) of the parameter file saved next to this
 *     model.json, checked at load; null in a model.json written before AttnDx recorded it, or for a model
 *     not saved yet
 * @param decision abstention threshold, triage operating point and shift threshold chosen on validation by
 *     {@code evaluate --calibrate-on}, or null before (absent from older model.json files)
 */
public record ModelMetadata(int formatVersion, ModelConfig config, Preprocessing preprocessing,
        List<String> classNames, Double temperature, Provenance provenance, String parametersSha256,
        DecisionThresholds decision) {

    /** The model.json layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("model.formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
        }
        Objects.requireNonNull(config, "model.config");
        Objects.requireNonNull(preprocessing, "model.preprocessing");
        Objects.requireNonNull(provenance, "model.provenance");
        classNames = List.copyOf(Objects.requireNonNull(classNames, "model.classNames"));
        if (classNames.size() != config.numClasses()) {
            throw new IllegalArgumentException("model.classNames must have one name per class ("
                    + config.numClasses() + "), got " + classNames);
        }
        if (temperature != null && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("model.temperature must be finite and > 0 (or null), got " + temperature);
        }
        if (parametersSha256 != null && !parametersSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("model.parametersSha256 must be 64 lower-case hex digits (or absent), got '"
                    + parametersSha256 + "'");
        }
        if (decision != null && decision.positiveClass() >= classNames.size()) {
            throw new IllegalArgumentException("model.decision.positiveClass must be a class index < "
                    + classNames.size() + ", got " + decision.positiveClass());
        }
    }

    /** The same metadata with another calibration temperature (null removes it). */
    public ModelMetadata withTemperature(Double t) {
        return new ModelMetadata(formatVersion, config, preprocessing, classNames, t, provenance, parametersSha256,
                decision);
    }

    /** The same metadata recording another parameter-file checksum. */
    public ModelMetadata withParametersSha256(String sha256) {
        return new ModelMetadata(formatVersion, config, preprocessing, classNames, temperature, provenance, sha256,
                decision);
    }

    /** The same metadata with other decision thresholds (null removes them). */
    public ModelMetadata withDecision(DecisionThresholds d) {
        return new ModelMetadata(formatVersion, config, preprocessing, classNames, temperature, provenance,
                parametersSha256, d);
    }

    /** The temperature to divide logits by: the calibrated one, or 1. */
    public double effectiveTemperature() {
        return temperature == null ? 1.0 : temperature;
    }
}
