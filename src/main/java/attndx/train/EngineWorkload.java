package attndx.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.model.InferenceKernels;
import attndx.model.ModelConfig;
import attndx.model.ModelRunner;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * AttnDx's side of one engine-benchmark measurement: a training step (forward, softmax cross-entropy
 * backward, Adam update through the trainer's {@link AdamOptimizer} and parameter store, as
 * {@link TrainingStep}) or an inference forward through {@link ModelRunner} (or, for comparison, the runner
 * on DJL's operators only, or the plain unfolded {@code forward(training = false)}), on fixed random data in
 * [-1, 1]. Each call creates its arrays in a sub-manager closed before it returns. Close it.
 */
final class EngineWorkload implements AutoCloseable {
    private final DiagnosisModel model;
    private final String kind;
    private final Shape shape;
    private final float[] images;
    private final float[][] perImage;
    private final float[] labels;
    private final NDManager runManager;
    private final ParameterStore ps;
    private final ClassificationLoss loss = new ClassificationLoss(TaskType.BINARY, 0, 0, null);
    private final ModelRunner runner;

    /**
     * {@code kind}: "train", "infer" (through {@link ModelRunner}), "infer-djl-ops" (the same runner with
     * the backbone on DJL's operators instead of the blocked oneDNN kernels), "infer-bf16" (the blocked
     * kernels in bfloat16) or "infer-plain" (the unfolded forward).
     */
    EngineWorkload(ModelConfig config, String kind, int size, int batch) {
        this.model = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("bench engine", Map.of(), "", 1), 1);
        this.kind = kind;
        this.shape = new Shape(batch, config.inChannels(), size, size);
        Random r = new Random(42);
        int plane = config.inChannels() * size * size;
        images = new float[batch * plane];
        perImage = new float[batch][plane];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat() * 2 - 1;
            perImage[i / plane][i % plane] = images[i];
        }
        labels = new float[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 2;
        }
        runManager = model.model().getNDManager().newSubManager();
        AdamOptimizer adam = new AdamOptimizer(runManager, 1e-3f, 0f, id -> false);
        ps = new ParameterStore(runManager, false);
        ps.setParameterServer(new SingleDeviceParameterServer(adam), new Device[] {runManager.getDevice()});
        runner = new ModelRunner(model, batch, switch (kind) {
            case "infer-djl-ops" -> InferenceKernels.DJL;
            case "infer-bf16" -> InferenceKernels.ONEDNN_BF16;
            default -> InferenceKernels.ONEDNN;
        });
    }

    /** One timed call. */
    void call() {
        if (kind.startsWith("infer") && !kind.equals("infer-plain")) {
            runner.predict(perImage, (int) shape.get(1), (int) shape.get(2), (int) shape.get(3));
            return;
        }
        try (NDManager bm = runManager.newSubManager()) {
            if (kind.equals("infer-plain")) {
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
