package attndx.serve;

import attndx.data.QcFlag;
import java.util.List;
import java.util.Map;

/**
 * What the model says about one study (seed sections 3.1, 9.4, 10.1-10.3), as written by {@code attndx predict}
 * and returned by {@code POST /api/v1/predict}.
 *
 * @param id display id
 * @param source where the image came from
 * @param probabilities class name to probability at the model's temperature (calibrated when it has one)
 * @param calibrated whether the model has a calibration temperature
 * @param label the most probable class
 * @param confidence its probability, {@code max_k p_k}
 * @param refer true when the confidence is below the stored abstention threshold tau: refer the study to standard
 *     review; null when the model has no tau (it never refers)
 * @param priority triage priority: the probability of the positive class (binary models; null otherwise)
 * @param expedite true when the priority reaches the stored operating point: expedite the study; null without one
 * @param qc failed quality checks with their reasons (empty when the image passed)
 * @param shiftScore energy score of the logits (higher: further from the training data)
 * @param shiftFlag true when the shift score exceeds the stored validation threshold; null without one
 * @param explanation which map the overlay shows: "attention" or "grad-cam"
 * @param overlay path of the written overlay PNG (predict), or null
 * @param error why the study could not be assessed (every other field is then null or empty), or null
 */
public record StudyResult(String id, String source, Map<String, Double> probabilities, Boolean calibrated, String label,
        Double confidence, Boolean refer, Double priority, Boolean expedite, List<QcFlag> qc, Double shiftScore,
        Boolean shiftFlag, String explanation, String overlay, String error) {

    public StudyResult {
        qc = qc == null ? List.of() : List.copyOf(qc);
    }

    /** A study that could not be read or assessed. */
    public static StudyResult failed(String id, String source, String error) {
        return new StudyResult(id, source, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                error);
    }

    /** This result with the overlay written to {@code path}. */
    public StudyResult withOverlay(String path) {
        return new StudyResult(id, source, probabilities, calibrated, label, confidence, refer, priority, expedite, qc,
                shiftScore, shiftFlag, explanation, path, error);
    }
}
