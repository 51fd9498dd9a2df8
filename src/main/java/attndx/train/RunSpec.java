package attndx.train;

import attndx.core.Json;
import attndx.data.Preprocessing;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import attndx.model.ModelConfig;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a training run was asked to do, saved as the run directory's {@code config.json}: a resume
 * must match it, so a checkpoint is never continued under another config or other data (the
 * fingerprints of the splits).
 *
 * @param train the training config
 * @param model the architecture
 * @param preprocessing the preprocessing (dataset statistics resolved)
 * @param classNames class names, in logit order
 * @param trainData fingerprint of the training split
 * @param valData fingerprint of the validation split
 */
public record RunSpec(TrainConfig train, ModelConfig model, Preprocessing preprocessing, List<String> classNames,
        String trainData, String valData) {
    public RunSpec {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(preprocessing, "preprocessing");
        classNames = List.copyOf(classNames);
    }

    /**
     * The first difference between this spec (the saved one) and {@code other} (the requested one),
     * as "path: saved X, requested Y" with the JSON path of the field (e.g. {@code train.learningRate},
     * {@code trainData}), or null when they match.
     */
    public String difference(RunSpec other) {
        if (equals(other)) {
            return null;
        }
        if (!trainData.equals(other.trainData) || !valData.equals(other.valData)) {
            // other data also change the fitted statistics: name the cause, not the symptom
            return "the data fingerprints (other data): saved train " + trainData + " / val " + valData
                    + ", requested train " + other.trainData + " / val " + other.valData;
        }
        // Both sides go through JSON text so that float and double fields compare alike.
        String path = firstDifference("", tree(this), tree(other));
        return path == null ? "the specs differ" : path;
    }

    private static JsonNode tree(RunSpec spec) {
        try {
            return Json.mapper().readTree(Json.toJson(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read a serialised run spec", e);
        }
    }

    private static String firstDifference(String path, JsonNode saved, JsonNode requested) {
        if (saved.equals(requested)) {
            return null;
        }
        if (saved.isObject() && requested.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            saved.fieldNames().forEachRemaining(names::add);
            requested.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = firstDifference(path.isEmpty() ? name : path + "." + name,
                        saved.path(name), requested.path(name));
                if (d != null) {
                    return d;
                }
            }
        }
        if (saved.isArray() && requested.isArray() && saved.size() == requested.size()) {
            for (int i = 0; i < saved.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", saved.get(i), requested.get(i));
                if (d != null) {
                    return d;
                }
            }
        }
        return path + ": saved " + saved + ", requested " + requested;
    }
}
