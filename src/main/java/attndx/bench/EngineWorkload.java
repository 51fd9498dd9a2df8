package attndx.bench;

import attndx.train.AdamOptimizer;
import attndx.train.ClassificationLoss;
import attndx.train.SingleDeviceParameterServer;
import attndx.train.TrainingStep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.kernels.InferenceKernels;
import attndx.model.ModelConfig;
import attndx.kernels.ModelRunner;

/**
 * AttnDx's side of one engine-benchmark measurement: a training step (forward, softmax cross-entropy
 * backward, Adam update through the trainer's {@link AdamOptimizer} and parameter store, as
 * {@link TrainingStep}) or an inference forward through {@link ModelRunner} (or, for comparison, the runner
 * on DJL's operators only, or the plain unfolded {@code forward(training = false)}), on fixed random data in
 * [-1, 1]. Each call creates its arrays in a sub-manager closed before it returns. Close it.
 */
final class EngineWorkload implements EngineBenchmark.Workload {
    private final DiagnosisModel model;
    private final EngineKind kind;
    private final Shape shape;
    private final float[] images;
    private final float[][] perImage;
    private final float[] labels;
    private final NDManager runManager;
    private final ParameterStore ps;
    private final ClassificationLoss loss = new ClassificationLoss(TaskType.BINARY, 0, 0, null);
    private final ModelRunner runner;

    /**
     * AttnDx's side of {@code c} for a model of {@code config}: its training or inference kinds.
     *
     * @throws IllegalArgumentException for another kind
     */
    EngineWorkload(ModelConfig config, EngineBenchmark.Case c) {
        this.kind = c.kind();
        if (kind == EngineKind.GRADCAM || kind == EngineKind.DELETION) {
            throw new IllegalArgumentException(kind.label() + " is timed by attndx.explain's workloads");
        }
        int size = c.size();
        int batch = c.batch();
        this.model = BenchInputs.model(config);
        this.shape = new Shape(batch, config.inChannels(), size, size);
        perImage = BenchInputs.images(c, config.inChannels());
        int plane = config.inChannels() * size * size;
        images = new float[batch * plane];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(perImage[i], 0, images, i * plane, plane);
        }
        labels = new float[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 2;
        }
        runManager = model.model().getNDManager().newSubManager();
        boolean plain = kind == EngineKind.TRAIN_PLAIN || kind == EngineKind.INFER_DJL_OPS;
        if (plain) {
            model.network().backbone().useChannelsLast(false);
        }
        AdamOptimizer adam = new AdamOptimizer(runManager, 1e-3f, 0f, id -> false, !plain);
        ps = new ParameterStore(runManager, false);
        ps.setParameterServer(new SingleDeviceParameterServer(adam), new Device[] {runManager.getDevice()});
        runner = switch (kind) {
            case INFER_DJL_OPS -> new ModelRunner(model, batch, InferenceKernels.DJL, 1);
            case INFER_BF16 -> new ModelRunner(model, batch, InferenceKernels.ONEDNN_BF16);
            default -> new ModelRunner(model, batch);
        };
    }

    @Override
    public void call() {
        if (kind != EngineKind.TRAIN && kind != EngineKind.TRAIN_PLAIN
                && kind != EngineKind.INFER_PLAIN) {
            runner.predict(perImage, (int) shape.get(1), (int) shape.get(2), (int) shape.get(3));
            return;
        }
        try (NDManager bm = runManager.newSubManager()) {
            if (kind == EngineKind.INFER_PLAIN) {
                NDList out = model.network().forward(new ParameterStore(bm, false), new NDList(bm.create(images, shape)),
                        false);
                new DiagnosisOutput(out).logits().toFloatArray();
                return;
            }
            NDArray x = bm.create(images, shape);
            NDArray y = bm.create(labels);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = model.network().forward(ps, new NDList(x), true);
                gc.backward(loss.compute(new DiagnosisOutput(out).logits(), y));
            }
            ps.updateAllParameters();
        }
    }

    @Override
    public void close() {
        runner.close();
        runManager.close();
        model.close();
    }
}
