package attndx.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.data.Preprocessor;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelRunner;
import attndx.train.TrainingObjective.MaskTargets;
import attndx.train.TrainingObjective.PerturbedPass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Trains a fresh model from the spec. */
    public TrainingResult train(DiagnosisModel model) {
        files.start(spec);
        return loop(model, new LoopState(0, Double.NEGATIVE_INFINITY, -1, 0), null);
    }

    /** Continues the run in {@code runDir} from its latest checkpoint; the spec must match the saved one. */
    public TrainingResult resume() {
        RunSpec saved = files.readSpec();
        String diff = saved.difference(spec);
        if (diff != null) {
            throw new AttndxException("cannot resume " + files.dir() + " with another configuration: " + diff);
        }
        Path ckpt = files.checkpoints().latestFolder();
        LoopState state = Json.read(ckpt.resolve(STATE_FILE), LoopState.class);
        files.truncateLog(state.epoch());
        DiagnosisModel model = DiagnosisModel.load(ckpt);
        return loop(model, state, ckpt.resolve(OPTIMIZER_FILE));
    }

    private TrainingResult loop(DiagnosisModel model, LoopState start, Path optimizerState) {
        TrainConfig cfg = spec.train();
        Map<String, String> idToName = new HashMap<>();
        Map<String, String> nameToId = new HashMap<>();
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            idToName.put(p.getValue().getId(), p.getKey());
            nameToId.put(p.getKey(), p.getValue().getId());
        }
        ModelSelection selection = new ModelSelection(cfg.eceWeight(), cfg.patience(), 1e-6);
        selection.restore(start.bestScore(), start.bestEpoch(), start.sinceBest());
        try (NDManager runManager = model.model().getNDManager().newSubManager()) {
            AdamOptimizer optimizer = new AdamOptimizer(runManager, (float) cfg.learningRate(),
                    (float) cfg.weightDecay(), id -> idToName.getOrDefault(id, "").startsWith("backbone"));
            if (optimizerState != null) {
                optimizer.load(optimizerState, nameToId::get);
            }
            ParameterStore ps = new ParameterStore(runManager, false);
            ps.setParameterServer(new LocalParameterServer(optimizer), new ai.djl.Device[] {runManager.getDevice()});
            TrainingStep step = new TrainingStep(model, ps, optimizer, spec, train.classCounts(), runManager);
            float[][] valImages = val.normalisedImages(new Preprocessor(spec.preprocessing()));
            int epoch = start.epoch();
            boolean stopped = false;
            while (epoch < cfg.epochs()) {
                epoch++;
                EpochRecord rec = runEpoch(step, epoch, valImages, model, selection);
                files.appendLog(rec);
                progress.epochFinished(rec);
                LoopState state = new LoopState(epoch, selection.bestScore(), selection.bestEpoch(), selection.sinceBest());
                files.checkpoints().save(epoch, dir -> {
                    model.save(dir);
                    optimizer.save(dir.resolve(OPTIMIZER_FILE), idToName::get);
                    Json.write(dir.resolve(STATE_FILE), state);
                });
                if (selection.shouldStop() && epoch < cfg.epochs()) {
                    stopped = true;
                    break;
                }
            }
            return files.result(stopped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write optimiser state in " + files.dir(), e);
        } finally {
            model.close();
        }
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
        for (int b = 0; b < batches.length; b++) {
            TrainingStep.Result r = step.run(train, batches[b], epoch, b, (long) (epoch - 1) * batches.length + b,
                    (long) cfg.epochs() * batches.length);
            dataNanos += r.dataNanos();
            images += batches[b].length;
            skipped = r.skipped();
            for (Map.Entry<String, Float> e : r.loss().entrySet()) {
                if (!Float.isFinite(e.getValue())) {
                    throw new AttndxException("training diverged: loss term '" + firstNonFinite(r.loss())
                            + "' is " + e.getValue() + " in epoch " + epoch + ", batch " + (b + 1)
                            + "; the last good checkpoint is in " + files.dir().resolve("checkpoints")
                            + " (lower the learning rate or the lambda of that term)");
                }
                sums.merge(e.getKey(), (double) e.getValue(), Double::sum);
            }
            progress.batchFinished(r.loss(), images / ((System.nanoTime() - t0) / 1e9));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> means = new LinkedHashMap<>();
        int n = batches.length;
        sums.forEach((k, v) -> means.put(k, v / n));
        float[][] logits = new ModelRunner(model, Math.max(cfg.batchSize(), 64))
                .predict(valImages, val.imageShape()[0], val.imageShape()[1], val.imageShape()[2]).logits();
        ValidationScorer.ValidationScore score = scorer.score(val.info().task(), logits,
                val.info().task() == attndx.data.TaskType.MULTILABEL ? null : val.classIndices(),
                val.info().task() == attndx.data.TaskType.MULTILABEL ? val.multiHot() : null);
        boolean best = selection.offer(epoch, score.auc(), score.ece());
        if (best) {
            files.saveBest(model);
        }
        return new EpochRecord(cfg.seed(), epoch, step.optimizer().learningRate(), means, skipped, score.auc(),
                score.ece(), score.accuracy(), selection.score(score.auc(), score.ece()), best,
                (System.nanoTime() - t0) / 1e9, images / trainSeconds, dataNanos / 1e9 / trainSeconds);
    }

    private static String firstNonFinite(Map<String, Float> loss) {
        return loss.entrySet().stream().filter(e -> !"total".equals(e.getKey()) && !Float.isFinite(e.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse("total");
    }
}
