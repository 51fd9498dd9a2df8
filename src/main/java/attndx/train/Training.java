package attndx.train;

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
        Preprocessing p = r.preprocessing().normalisation() == Preprocessing.Normalisation.DATASET
                ? Preprocessor.fit(r.preprocessing(), r.train()) : r.preprocessing();
        TrainingData train = new TrainingData(r.train(), new Preprocessor(p));
        TrainingData val = new TrainingData(r.val(), new Preprocessor(p));
        String trainPrint = DatasetFingerprint.of(r.train());
        String valPrint = DatasetFingerprint.of(r.val());
        TrainConfig cfg = r.config();
        RunSpec draft = new RunSpec(cfg, r.model(), p, r.train().info().classNames(), trainPrint, valPrint);
        @SuppressWarnings("unchecked")
        Map<String, Object> provenanceConfig = Json.mapper().convertValue(draft, Map.class);
        DiagnosisModel model = DiagnosisModel.create(r.model(), p, r.train().info().classNames(),
                Provenance.capture("model", provenanceConfig, trainPrint, cfg.seed()), (int) cfg.seed());
        if (cfg.perturbation() == null && cfg.loss().lambdaConsistency() > 0 && r.model().hasAttention()) {
            int[] shape = train.imageShape();
            int stride = TrainingStep.attentionStride(model, shape[0], shape[1], shape[2]);
            cfg = cfg.withPerturbation(PerturbationConfig.defaults(Math.max(1, stride), cfg.seed()));
        }
        RunSpec spec = new RunSpec(cfg, r.model(), p, draft.classNames(), trainPrint, valPrint);
        return new DiagnosisTrainer(spec, train, val, scorer, progress, r.outDir()).train(model);
    }

    /**
     * Resumes the run in {@code runDir} on the same splits; {@code extraEpochs} &gt; 0 extends the
     * run beyond its configured epochs.
     */
    public static TrainingResult resume(Path runDir, Dataset trainSplit, Dataset valSplit, ValidationScorer scorer,
            TrainingProgress progress) {
        RunSpec spec = new RunFiles(runDir).readSpec();
        Preprocessor pre = new Preprocessor(spec.preprocessing());
        TrainingData train = new TrainingData(trainSplit, pre);
        TrainingData val = new TrainingData(valSplit, pre);
        RunSpec requested = new RunSpec(spec.train(), spec.model(), spec.preprocessing(),
                trainSplit.info().classNames(), DatasetFingerprint.of(trainSplit), DatasetFingerprint.of(valSplit));
        String diff = spec.difference(requested);
        if (diff != null) {
            throw new AttndxException("cannot resume " + runDir + " on other data: " + diff);
        }
        return new DiagnosisTrainer(spec, train, val, scorer, progress, runDir).resume();
    }
}
