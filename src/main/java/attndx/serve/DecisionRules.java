package attndx.serve;

import attndx.calibrate.ShiftScores;
import attndx.model.DecisionThresholds;
import attndx.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a model's stored decision rules to one study's calibrated probabilities and logits: refer when the top
 * probability is below tau (seed section 9.4), expedite when the positive-class probability reaches the triage
 * operating point (section 10.2), flag a shift when the energy score exceeds the validation threshold (10.3).
 * Without stored rules the corresponding answer is null, and {@link #warnings()} says so.
 */
public final class DecisionRules {
    private final ModelMetadata meta;
    private final DecisionThresholds d;
    private final boolean binary;

    public DecisionRules(ModelMetadata meta) {
        this.meta = meta;
        this.d = meta.decision();
        this.binary = meta.classNames().size() == 2 && !meta.config().multiLabel();
    }

    /** What the outputs of this model lack, for the user to see once. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (meta.temperature() == null) {
            w.add("the model has no calibration temperature: probabilities are uncalibrated"
                    + " (run attndx evaluate --calibrate-on val)");
        }
        if (d == null || d.tau() == null) {
            w.add("the model has no abstention threshold tau: it never refers a study to standard review"
                    + " (run attndx evaluate --calibrate-on val)");
        }
        if (binary && (d == null || d.operatingThreshold() == null)) {
            w.add("the model has no triage operating point: no study is flagged for expedited review");
        }
        if (!binary) {
            w.add("triage priority needs a binary model; studies keep their input order");
        }
        if (d == null) {
            w.add("the model has no shift threshold: no study is flagged as out of distribution");
        }
        return w;
    }

    /** Top-label refer flag, or null without tau. */
    public Boolean refer(double confidence) {
        return d == null || d.tau() == null ? null : confidence < d.tau();
    }

    /** Positive-class probability for a binary model, else null. */
    public Double priority(double[] probabilities) {
        return binary ? probabilities[d == null ? 1 : d.positiveClass()] : null;
    }

    /** Whether the priority reaches the operating point, or null without one. */
    public Boolean expedite(Double priority) {
        return priority == null || d == null || d.operatingThreshold() == null ? null : priority >= d.operatingThreshold();
    }

    /** Energy score of the raw logits at the model's temperature. */
    public double shiftScore(double[] logits) {
        return ShiftScores.energy(new double[][] {logits}, meta.effectiveTemperature())[0];
    }

    /** Whether the shift score is above the stored threshold, or null without one. */
    public Boolean shiftFlag(double score) {
        return d == null ? null : score > d.shiftThreshold();
    }
}
