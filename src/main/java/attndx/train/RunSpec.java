package attndx.train;

import attndx.data.Preprocessing;
import attndx.model.ModelConfig;
import java.util.List;
import java.util.Objects;

/**
 * What a training run was asked to do, saved as the run directory's {@code config.json}: a resume
 * must match it, so a checkpoint is never continued under another config or other data.
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

    /** The first difference between this spec and {@code other}, or null when they match. */
    public String difference(RunSpec other) {
        if (!train.equals(other.train)) {
            return "training config differs: " + train + " vs " + other.train;
        }
        if (!model.equals(other.model)) {
            return "model config differs: " + model + " vs " + other.model;
        }
        if (!preprocessing.equals(other.preprocessing)) {
            return "preprocessing differs: " + preprocessing + " vs " + other.preprocessing;
        }
        if (!classNames.equals(other.classNames)) {
            return "class names differ: " + classNames + " vs " + other.classNames;
        }
        if (!trainData.equals(other.trainData) || !valData.equals(other.valData)) {
            return "data differs (fingerprints " + trainData + "/" + valData + " vs " + other.trainData + "/"
                    + other.valData + ")";
        }
        return null;
    }
}
