package attndx.train;

import attndx.kernels.KernelSelection;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.Preprocessing;
import attndx.data.Preprocessor;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets a training run up and starts or resumes it: fits the preprocessing statistics on the
 * training split, packs both splits, creates the model, resolves the perturbation set at the
 * model's attention stride, and records all of it in the run's {@link RunSpec}.
 */
public final class Training {
    private Training() {}

    /**
     * What to train.
     *
     * @param train training split
     * @param val validation split
     * @param model architecture (already adapted to the data's channels and classes)
     * @param preprocessing preprocessing; DATASET statistics are fitted on {@code train}
     * @param config training config
     * @param outDir run directory
     */
    public record Request(Dataset train, Dataset val, ModelConfig model, Preprocessing preprocessing,
            TrainConfig config, Path outDir) {}

    /** Trains a new model. */
    public static TrainingResult start(Request r, ValidationScorer scorer, TrainingProgress progress) {
        Plan plan = plan(r);
        return new DiagnosisTrainer(plan.spec(), plan.train(), plan.val(), scorer, progress, r.outDir())
                .train(newModel(plan.spec()));
    }

    /** A freshly initialised model for {@code spec}, seeded by its seed, with the spec as provenance. */
    public static DiagnosisModel newModel(RunSpec spec) {
        @SuppressWarnings("unchecked")
        Map<String, Object> provenanceConfig = new LinkedHashMap<>(Json.mapper().convertValue(spec, Map.class));
        // Which kernels trained it (fused Adam, channels-last): they differ per machine (attndx.kernels).
        provenanceConfig.put("kernelSelection", KernelSelection.current().line());
        return DiagnosisModel.create(spec.model(), spec.preprocessing(), spec.classNames(),
                Provenance.capture("model", provenanceConfig, spec.trainData(), spec.train().seed()),
                (int) spec.train().seed());
    }

    /**
     * Continues the run in {@code r.outDir()} from its latest checkpoint. The request is resolved
     * exactly as {@link #start} resolves it and must match the run's {@code config.json}: same
     * config (epochs included), model, preprocessing and data.
     */
    public static TrainingResult resume(Request r, ValidationScorer scorer, TrainingProgress progress) {
        Plan plan = plan(r);
        return new DiagnosisTrainer(plan.spec(), plan.train(), plan.val(), scorer, progress, r.outDir()).resume();
    }

    /** A resolved request: the run's spec and both splits packed for training. */
    public record Plan(RunSpec spec, TrainingData train, TrainingData val) {}

    /** Resolves a request: fitted preprocessing, packed splits, perturbation set, fingerprints. */
    public static Plan plan(Request r) {
        Dataset trainSplit = nonEmpty(r.train(), "training");
        Dataset valSplit = nonEmpty(r.val(), "validation");
        Preprocessing p = r.preprocessing().normalisation() == Preprocessing.Normalisation.DATASET
                ? Preprocessor.fit(r.preprocessing(), trainSplit)
                : r.preprocessing();
        TrainingData train = new TrainingData(trainSplit, new Preprocessor(p));
        TrainingData val = new TrainingData(valSplit, new Preprocessor(p));
        TrainConfig cfg = r.config();
        if (cfg.perturbation() == null && cfg.loss().lambdaConsistency() > 0 && r.model().hasAttention()) {
            int[] shape = train.imageShape();
            int stride = TrainingStep.attentionStride(r.model(), shape[0], shape[1], shape[2]);
            cfg = cfg.withPerturbation(PerturbationConfig.defaults(Math.max(1, stride), cfg.seed()));
        }
        RunSpec spec = new RunSpec(cfg, r.model(), p, r.train().info().classNames(),
                DatasetFingerprint.of(r.train()), DatasetFingerprint.of(r.val()));
        return new Plan(spec, train, val);
    }

    private static Dataset nonEmpty(Dataset d, String role) {
        if (d.size() == 0) {
            throw new AttndxException("the " + role + " split of dataset " + d.info().name() + " ("
                    + d.info().source() + ") is empty: give samples of that split (manifest column 'split') or"
                    + " split ratios that assign some patients to it");
        }
        return d;
    }
}
