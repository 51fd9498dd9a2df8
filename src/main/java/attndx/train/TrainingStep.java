package attndx.train;

import attndx.kernels.KernelSelection;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import attndx.core.NativeWork;
import attndx.core.Scalars;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig;
import attndx.model.ModelFactory;
import attndx.train.Augmenter.Augmented;
import attndx.train.TrainingObjective.MiningPass;
import attndx.train.TrainingObjective.MaskTargets;
import attndx.train.TrainingObjective.PerturbedPass;
import java.util.List;
import java.util.Map;

/**
 * One optimisation step of Algorithm 1 (seed section 5.7): augment x, forward x, forward a
 * perturbed T(x) when the consistency term needs it and the erased and kept x when attention mining does (once its
 * {@link MiningRamp} has begun), compute
 * the full objective, back-propagate and update. The step's arrays live in a sub-manager closed before it returns.
 * Batch norm's running statistics are those of the clean pass only: {@link RunningStatistics} saves them before the
 * extra passes and writes them back after them.
 */
public final class TrainingStep {
    private final DiagnosisModel model;
    private final ParameterStore ps;
    /** The same store when the run is mixed precision, else null. */
    private final MixedPrecisionStore mixed;
    private final AdamOptimizer optimizer;
    private final TrainConfig cfg;
    private final NDManager runManager;
    private final TrainingObjective objective;
    private final Augmenter augmenter;
    private final PerturbationSet perturbations;
    private final IntensityNormaliser normaliser;
    private final boolean segmentation;
    private final RunningStatistics runningStatistics;

    /**
     * The loss terms of the step, the terms not computed, the time spent assembling the batch, and
     * whether the update was applied (mixed precision skips a step whose gradients overflowed).
     */
    public record Result(Map<String, Float> loss, Map<String, String> skipped, long dataNanos, boolean updated) {}

    /**
     * A step for {@code model} with a fresh {@link AdamOptimizer} (weight decay on the backbone only)
     * whose state lives in {@code runManager}.
     */
    public static TrainingStep create(DiagnosisModel model, RunSpec spec, long[] classCounts, NDManager runManager) {
        TrainConfig cfg = spec.train();
        // Resolved before the first forward: it decides the backbone's memory layout (ChannelsLast.enabled).
        KernelSelection.current();
        AdamOptimizer optimizer = new AdamOptimizer(runManager, (float) cfg.learningRate(), (float) cfg.weightDecay(),
                DiagnosisTrainer.backboneOnly(model));
        ParameterStore ps;
        if (cfg.precision().resolve(runManager.getDevice()) == Precision.FP16) {
            LossScaler scaler = new LossScaler(LossScaler.INITIAL_SCALE, LossScaler.GROWTH_INTERVAL);
            ps = new MixedPrecisionStore(runManager, model.network(), optimizer, scaler);
        } else {
            ps = new ParameterStore(runManager, false);
            ps.setParameterServer(new SingleDeviceParameterServer(optimizer), new Device[] {runManager.getDevice()});
        }
        return new TrainingStep(model, ps, optimizer, spec, classCounts, runManager);
    }

    private TrainingStep(DiagnosisModel model, ParameterStore ps, AdamOptimizer optimizer, RunSpec spec,
            long[] classCounts, NDManager runManager) {
        this.model = model;
        this.ps = ps;
        this.mixed = ps instanceof MixedPrecisionStore m ? m : null;
        this.optimizer = optimizer;
        this.cfg = spec.train();
        this.runManager = runManager;
        TaskType task = spec.model().multiLabel() ? TaskType.MULTILABEL
                : spec.classNames().size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        float[] weights = null;
        if (cfg.loss().classReweighting()) {
            weights = task == TaskType.MULTILABEL ? ClassWeights.positiveWeights(classCounts, sum(classCounts))
                    : ClassWeights.inverseFrequency(classCounts);
        }
        this.objective = new TrainingObjective(cfg.loss(), task, weights);
        this.augmenter = cfg.augment() == null ? null : new Augmenter(cfg.augment());
        this.perturbations = cfg.perturbation() == null ? null : new PerturbationSet(cfg.perturbation());
        this.normaliser = new IntensityNormaliser(spec.preprocessing());
        this.segmentation = cfg.loss().lambdaSegmentation() > 0;
        this.runningStatistics = new RunningStatistics(model.network());
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    AdamOptimizer optimizer() {
        return optimizer;
    }

    /** The precision the steps run in (resolved, never AUTO). */
    Precision precision() {
        return mixed == null ? Precision.FP32 : Precision.FP16;
    }

    /** The loss scaler of a mixed-precision run, null in float32. */
    LossScaler lossScaler() {
        return mixed == null ? null : mixed.scaler();
    }

    /**
     * One step on the samples {@code idx}; the maps that pooled the clean batch are added to
     * {@code attention} (when not null and the model has attention).
     */
    public Result run(TrainingData data, int[] idx, int epoch, int batch, long globalStep, long totalSteps,
            AttentionStatistics attention) {
        try (NativeWork.Pass pass = NativeWork.enter(); NDManager bm = runManager.newSubManager()) {
            long t0 = System.nanoTime();
            NDArray x = data.images(bm, idx);
            NDArray y = data.targets(bm, idx);
            NDArray masks = segmentation ? data.masks(bm, idx) : null;
            NDArray present = segmentation ? data.maskPresent(bm, idx) : null;
            long dataNanos = System.nanoTime() - t0;
            Augmented a = augmenter == null ? new Augmented(x, masks) : augmenter.augment(x, masks, epoch, batch);
            Map<String, Float> values;
            Map<String, String> skipped;
            List<NDArray> clean = null;
            NDArray maps;
            if (mixed != null) {
                mixed.beginStep(bm);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // normalised once: the erased pass of attention mining reuses it
                NDArray normalised = normaliser.apply(a.images());
                DiagnosisOutput out = forwardNormalised(normalised, null);
                maps = out.attention();
                PerturbedPass pp = null;
                if (objective.needsPerturbedPass(out)) {
                    if (perturbations == null) {
                        throw new IllegalStateException("consistency loss on but no perturbation set resolved");
                    }
                    PerturbedBatch pb = perturbations.perturb(a.images(), epoch, batch);
                    clean = runningStatistics.save(bm);
                    pp = new PerturbedPass(forward(pb.images()), pb.inverse());
                }
                MiningPass mp = null;
                double ramp = MiningRamp.factor(globalStep, totalSteps);
                if (objective.needsMiningPass(out)) {
                    if (ramp > 0 && clean == null) {
                        clean = runningStatistics.save(bm);
                    }
                    mp = ramp == 0 ? MiningPass.NOT_YET : miningPass(normalised, out, y, ramp);
                }
                LossTerms lt = objective.compute(out, y, pp, masks == null ? null : new MaskTargets(a.masks(), present),
                        mp);
                NDArray total = lt.total();
                gc.backward(mixed == null ? total : total.mul(Scalars.like(total, mixed.scaler().scale())));
                values = lt.values();
                skipped = lt.skipped();
            }
            if (attention != null && maps != null) {
                attention.update(maps.toFloatArray(), (int) (maps.getShape().get(2) * maps.getShape().get(3)));
            }
            if (clean != null) {
                // Only after the backward pass: autograd saved the buffers and refuses ones changed since.
                runningStatistics.restore(clean);
            }
            optimizer.setLearningRate((float) cfg.schedule().rate((int) globalStep, (int) totalSteps, cfg.learningRate()));
            boolean updated = true;
            if (mixed == null) {
                ps.updateAllParameters();
            } else {
                updated = mixed.update();
            }
            return new Result(values, skipped, dataNanos, updated);
        }
    }

    /**
     * The erased and kept images forwarded after a second copy of the clean batch: they share batch norm's
     * statistics with it (with statistics of their own the model learned to answer "normal" through them,
     * docs/faithfulness.md).
     */
    private MiningPass miningPass(NDArray normalised, DiagnosisOutput out, NDArray y, double ramp) {
        long b = normalised.getShape().get(0);
        NDArray mined = AttentionMiningLoss.erasedAndKept(normalised, out.attention(), y);
        NDArray logits = forwardNormalised(normalised.concat(mined, 0), DiagnosisNetwork.inputGradient()).logits();
        return new MiningPass(logits.get(b + ":" + 2 * b), logits.get(2 * b + ":"), ramp);
    }

    private DiagnosisOutput forward(NDArray images) {
        return forwardNormalised(normaliser.apply(images), null);
    }

    private DiagnosisOutput forwardNormalised(NDArray x, PairList<String, Object> params) {
        if (mixed != null) {
            x = x.toType(DataType.FLOAT16, false);
        }
        return new DiagnosisOutput(model.network().forward(ps, new NDList(x), true, params));
    }

    /**
     * The factor between input and fused-attention resolution of {@code config} at an input of
     * {@code c x h x w} (a forward pass of a throw-away network), or 0 for models without attention.
     */
    static int attentionStride(ModelConfig config, int c, int h, int w) {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = ModelFactory.buildInitialized(config, m, h, w);
            NDArray probe = m.zeros(new Shape(2, c, h, w));
            DiagnosisOutput out = new DiagnosisOutput(net.forward(new ParameterStore(m, false), new NDList(probe), false));
            return out.attention() == null ? 0 : (int) (h / out.attention().getShape().get(2));
        }
    }
}
