package attndx.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.data.Preprocessor;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.kernels.ModelRunner;
import attndx.model.ResNetBackbone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Trains one diagnosis model (seed Algorithm 1): per batch, augmentation, a forward pass on x, a
 * second pass on a perturbed T(x) whose attention is mapped back with Pi, the full objective, one
 * Adam step; per epoch, validation, model selection, early stopping and a checkpoint. Everything a
 * batch creates lives in that batch's sub-manager.
 *
 * <p>Deterministic on CPU for a fixed seed: batch order, augmentation, perturbations and the
 * engine's random stream (dropout) are derived from (seed, epoch[, batch]), so a run resumed from
 * the checkpoint of epoch e continues exactly as the uninterrupted run would.
 */
public final class DiagnosisTrainer {
    private static final String OPTIMIZER_FILE = "optimizer.ndlist";
    private static final String STATE_FILE = "state.json";
    private static final String LOSS_SCALE_FILE = "loss-scale.json";

    private final RunSpec spec;
    private final TrainingData train;
    private final TrainingData val;
    private final ValidationScorer scorer;
    private final TrainingProgress progress;
    private final RunFiles files;

    /** Checkpointed loop state. */
    record LoopState(int epoch, double bestScore, int bestEpoch, int sinceBest) {}

    /**
     * @param spec config, architecture and data fingerprints of the run
     * @param train the training split (geometry-preprocessed)
     * @param val the validation split
     * @param scorer validation metrics
     * @param progress progress sink
     * @param runDir the run directory
     */
    public DiagnosisTrainer(RunSpec spec, TrainingData train, TrainingData val, ValidationScorer scorer,
            TrainingProgress progress, Path runDir) {
        this.spec = spec;
        this.train = train;
        this.val = val;
        this.scorer = scorer;
        this.progress = progress;
        this.files = new RunFiles(runDir);
        TrainingChecks.check(spec, train, val);
    }

    /** Trains a fresh model from the spec; the model is closed when training ends. */
    public TrainingResult train(DiagnosisModel model) {
        try {
            files.start(spec);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return loop(model, new LoopState(0, Double.NEGATIVE_INFINITY, -1, 0), null);
    }

    /** Continues the run in {@code runDir} from its latest checkpoint; the spec must match the saved one. */
    public TrainingResult resume() {
        RunSpec saved = files.readSpec();
        String diff = saved.difference(spec);
        if (diff != null) {
            throw new AttndxException("cannot resume " + files.dir() + ": the request differs from its "
                    + RunFiles.CONFIG + " at " + diff + "; resume with the run's original options and data,"
                    + " or start a new run in another directory");
        }
        Path ckpt = files.checkpoints().latestFolder();
        LoopState state = Json.read(ckpt.resolve(STATE_FILE), LoopState.class);
        files.truncateLog(state.epoch());
        DiagnosisModel model = DiagnosisModel.load(ckpt);
        attachGradients(model);
        return loop(model, state, ckpt.resolve(OPTIMIZER_FILE));
    }

    /**
     * Loaded parameters come without gradient buffers (only initialisation attaches them), so a
     * backward pass on a model read from a checkpoint would find nothing to differentiate.
     */
    private static void attachGradients(DiagnosisModel model) {
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    private TrainingResult loop(DiagnosisModel model, LoopState start, Path optimizerState) {
        TrainConfig cfg = spec.train();
        Map<String, String> idToName = parameterNames(model);
        Map<String, String> nameToId = new HashMap<>();
        idToName.forEach((id, name) -> nameToId.put(name, id));
        ModelSelection selection = new ModelSelection(cfg.eceWeight(), cfg.patience(), 1e-6);
        selection.restore(start.bestScore(), start.bestEpoch(), start.sinceBest());
        try (NDManager runManager = model.model().getNDManager().newSubManager()) {
            TrainingStep step = TrainingStep.create(model, spec, train.classCounts(), runManager);
            AdamOptimizer optimizer = step.optimizer();
            LossScaler scaler = step.lossScaler();
            if (optimizerState != null) {
                optimizer.load(optimizerState, nameToId::get);
                Path scale = optimizerState.resolveSibling(LOSS_SCALE_FILE);
                if (scaler != null && Files.isRegularFile(scale)) {
                    scaler.restore(Json.read(scale, LossScaler.State.class));
                }
            }
            float[][] valImages = val.normalisedImages(new Preprocessor(spec.preprocessing()));
            int epoch = start.epoch();
            // a resumed run that had already stopped early stays stopped
            while (epoch < cfg.epochs() && !selection.shouldStop()) {
                epoch++;
                EpochRecord rec = runEpoch(step, epoch, valImages, model, selection);
                files.appendLog(rec);
                LoopState state = new LoopState(epoch, selection.bestScore(), selection.bestEpoch(), selection.sinceBest());
                files.checkpoints().save(epoch, dir -> {
                    model.save(dir);
                    optimizer.save(dir.resolve(OPTIMIZER_FILE), idToName::get);
                    Json.write(dir.resolve(STATE_FILE), state);
                    if (scaler != null) {
                        Json.write(dir.resolve(LOSS_SCALE_FILE), scaler.state());
                    }
                });
                progress.epochFinished(rec);
            }
            return files.result(selection.shouldStop() && epoch < cfg.epochs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write optimiser state in " + files.dir(), e);
        } finally {
            model.close();
        }
    }

    /** Parameter names (e.g. "backbone_stage1_...") by DJL parameter id. */
    static Map<String, String> parameterNames(DiagnosisModel model) {
        Map<String, String> idToName = new HashMap<>();
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            idToName.put(p.getValue().getId(), p.getKey());
        }
        return idToName;
    }

    /**
     * Selects the ids of the backbone's parameters: they alone get weight decay. Found by block
     * type, not by name: DJL prefixes child names with their index ("01backbone_...").
     */
    static Predicate<String> backboneOnly(DiagnosisModel model) {
        Set<String> ids = new HashSet<>();
        for (Pair<String, Block> child : model.network().getChildren()) {
            if (child.getValue() instanceof ResNetBackbone) {
                child.getValue().getParameters().values().forEach(p -> ids.add(p.getId()));
            }
        }
        return ids::contains;
    }

    private EpochRecord runEpoch(TrainingStep step, int epoch, float[][] valImages, DiagnosisModel model,
            ModelSelection selection) {
        long t0 = System.nanoTime();
        TrainConfig cfg = spec.train();
        Engine.getInstance().setRandomSeed((int) (cfg.seed() * 1_000_003L + epoch));
        int[][] batches = BatchOrder.of(train.size(), cfg.batchSize(), cfg.seed(), epoch);
        progress.epochStarted(epoch, cfg.epochs(), batches.length);
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, String> skipped = Map.of();
        long dataNanos = 0;
        int images = 0;
        int skippedUpdates = 0;
        AttentionStatistics attention = new AttentionStatistics();
        for (int b = 0; b < batches.length; b++) {
            TrainingStep.Result r = step.run(train, batches[b], epoch, b, (long) (epoch - 1) * batches.length + b,
                    (long) cfg.epochs() * batches.length, attention);
            dataNanos += r.dataNanos();
            images += batches[b].length;
            skippedUpdates += r.updated() ? 0 : 1;
            skipped = r.skipped();
            String bad = firstNonFinite(r.loss());
            if (bad != null) {
                throw diverged(bad, r.loss().get(bad), epoch, b + 1);
            }
            r.loss().forEach((k, v) -> sums.merge(k, (double) v, Double::sum));
            progress.batchFinished(r.loss(), images / ((System.nanoTime() - t0) / 1e9));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> means = new LinkedHashMap<>();
        int n = batches.length;
        sums.forEach((k, v) -> means.put(k, v / n));
        ValidationScorer.ValidationScore score = validate(model, valImages);
        String warning = ModelSelection.warning(epoch, score.auc(), score.ece());
        if (warning != null) {
            progress.warning(warning);
        }
        // Only epochs that end with mining at full weight may be kept (MiningRamp); the others do not use up patience.
        boolean selectable = !(cfg.loss().lambdaMining() > 0 && spec.model().hasAttention())
                || MiningRamp.fullBy(epoch, cfg.epochs());
        boolean best = selectable && selection.offer(epoch, score.auc(), score.ece());
        if (best) {
            files.saveBest(model);
        }
        return new EpochRecord(cfg.seed(), epoch, step.optimizer().learningRate(), means, skipped, score.auc(),
                score.ece(), score.accuracy(), selection.score(score.auc(), score.ece()), best,
                (System.nanoTime() - t0) / 1e9, images / trainSeconds, dataNanos / 1e9 / trainSeconds,
                step.precision().name(), step.lossScaler() == null ? 1 : step.lossScaler().scale(), skippedUpdates,
                attention.summary().maps() == 0 ? null : attention.summary());
    }

    private ValidationScorer.ValidationScore validate(DiagnosisModel model, float[][] valImages) {
        int[] shape = val.imageShape();
        float[][] logits;
        try (ModelRunner runner = new ModelRunner(model, Math.max(spec.train().batchSize(), 64))) {
            logits = runner.predict(valImages, shape[0], shape[1], shape[2]).logits();
        }
        boolean multi = val.info().task() == TaskType.MULTILABEL;
        return scorer.score(val.info().task(), logits, multi ? null : val.classIndices(), multi ? val.multiHot() : null);
    }

    /** The first non-finite term in objective order (cls, sparse, ...), "total" if only the sum is, or null. */
    private static String firstNonFinite(Map<String, Float> loss) {
        if (Float.isFinite(loss.get("total"))) {
            return null;
        }
        return loss.entrySet().stream().filter(e -> !"total".equals(e.getKey()) && !Float.isFinite(e.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse("total");
    }

    private AttndxException diverged(String term, float value, int epoch, int batch) {
        String kept = files.checkpoints().latestEpoch() > 0
                ? "the last good checkpoint (epoch " + files.checkpoints().latestEpoch() + ") is kept in "
                        + files.dir().resolve("checkpoints")
                : "no checkpoint was written yet";
        return new AttndxException("training stopped: loss term '" + term + "' is " + value + " in epoch " + epoch
                + ", batch " + batch + "; " + kept + " (check the images for NaN or infinite pixels, lower the"
                + " learning rate or the lambda of that term)");
    }
}
