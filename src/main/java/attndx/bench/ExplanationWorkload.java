package attndx.bench;

import attndx.explain.GradCam;
import attndx.explain.GradCamMaps;

import attndx.explain.eval.CurveConfig;
import attndx.explain.eval.DeletionInsertion;
import attndx.explain.eval.RunnerScorer;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.kernels.ModelRunner;
import attndx.bench.EngineBenchmark.Case;

/**
 * AttnDx's side of the engine benchmark's explanation cases: {@link EngineKind#GRADCAM} ({@link GradCam} of the
 * predicted class) and {@link EngineKind#DELETION} (deletion curves over maps and clean probabilities computed
 * once beforehand, as the reference does). {@link #factory()} hands every other kind to the training and
 * inference workloads.
 */
public final class ExplanationWorkload implements EngineBenchmark.Workload {
    /** Perturbed images built and forwarded per call (64, 128, 256 and all 1,280 at once measured equal here). */
    static final int DELETION_BATCH = 64;
    private static final CurveConfig DELETION =
            new CurveConfig(CurveConfig.Kind.DELETION, EngineBenchmark.DELETION_STEPS, 0f, DELETION_BATCH);

    private final DiagnosisModel model;
    private final EngineKind kind;
    private final float[][] images;
    private final int channels;
    private final int size;
    private final GradCam gradCam;
    private final ModelRunner runner;
    private final RunnerScorer scorer;
    private final GradCamMaps maps;

    private ExplanationWorkload(ModelConfig config, Case c) {
        this.model = BenchInputs.model(config);
        this.kind = c.kind();
        this.channels = config.inChannels();
        this.size = c.size();
        this.images = BenchInputs.images(c, channels);
        this.gradCam = new GradCam(model, c.batch());
        this.runner = new ModelRunner(model, DELETION_BATCH);
        this.scorer = new RunnerScorer(runner, channels, size, size);
        this.maps = kind == EngineKind.DELETION ? gradCam.explain(images, channels, size, size, null) : null;
    }

    /** Workloads for every kind: the explanation kinds here, the others from {@code attndx.train}. */
    public static EngineBenchmark.WorkloadFactory factory() {
        EngineBenchmark.WorkloadFactory others = EngineBenchmark.trainingAndInference();
        return (config, c) -> c.kind() == EngineKind.GRADCAM || c.kind() == EngineKind.DELETION ? new ExplanationWorkload(config, c)
                : others.create(config, c);
    }

    @Override
    public void call() {
        if (kind == EngineKind.GRADCAM) {
            gradCam.explain(images, channels, size, size, null);
            return;
        }
        DeletionInsertion.compute(scorer, images, channels, size, size, maps.maps(), maps.targets(),
                maps.targetProbabilities(), DELETION);
    }

    @Override
    public void close() {
        runner.close();
        gradCam.close();
        model.close();
    }
}
