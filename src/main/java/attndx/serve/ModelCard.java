package attndx.serve;

import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.DecisionThresholds;
import attndx.model.ModelConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code GET /api/v1/model} tells a user about the model behind the answers.
 *
 * @param classes class names in logit order
 * @param preset the architecture preset
 * @param config the full network description
 * @param preprocessing the preprocessing every upload goes through
 * @param temperature the calibration temperature, or null when uncalibrated
 * @param decision tau, the triage operating point and the shift threshold, or null when never chosen
 * @param trainingData fingerprint of the training data
 * @param validation the selected epoch's line of the run's train-log.jsonl (validation AUC, ECE, accuracy), or
 *     null when the model directory is not inside a training run
 * @param explanations the explanation maps the model can give
 * @param warnings what its outputs lack (no temperature, no tau, ...)
 * @param provenance the model's provenance
 */
public record ModelCard(List<String> classes, String preset, ModelConfig config, Preprocessing preprocessing,
        Double temperature, DecisionThresholds decision, String trainingData, JsonNode validation,
        List<String> explanations, List<String> warnings, Provenance provenance) {

    /** The card of {@code service}'s model, loaded from {@code modelDir}. */
    public static ModelCard of(DiagnosisService service, Path modelDir) {
        var m = service.metadata();
        return new ModelCard(m.classNames(), m.config().preset(), m.config(), m.preprocessing(), m.temperature(),
                m.decision(), m.provenance().dataFingerprint(), selectedEpoch(modelDir),
                service.availableExplanations().stream().sorted().map(Explanation::label).toList(), service.warnings(),
                m.provenance());
    }

    /** The last line marked best in the run's train-log.jsonl (the model saved is the best epoch), or null. */
    private static JsonNode selectedEpoch(Path modelDir) {
        Path parent = modelDir.toAbsolutePath().getParent();
        Path log = parent == null ? null : parent.resolve("train-log.jsonl");
        if (log == null || !Files.isRegularFile(log)) {
            return null;
        }
        JsonNode best = null;
        try (BufferedReader r = Files.newBufferedReader(log)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = line.isBlank() ? null : Json.mapper().readTree(line);
                if (n != null && n.path("best").asBoolean(false)) {
                    best = n;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }
}
