package attndx.kernels;

import attndx.core.InferenceBatch;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.model.DiagnosisOutput;
import attndx.model.ImageBatches;
import attndx.model.Prediction;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import attndx.core.AttndxException;
import attndx.core.NoGrad;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Inference on already preprocessed images without a DJL Predictor: each batch runs the inference forward
 * in its own sub-manager (inputs created there, so every intermediate is freed when the batch ends) and is
 * converted to Java arrays once. The forward is {@link FoldedInference} (batch norms folded into the
 * convolutions), over a snapshot of the parameters taken at the first prediction: create a new runner after
 * training changes them, and close it. Runs with autograd off in any thread ({@link NoGrad}). Not thread-safe:
 * use one runner per thread. Do not run it while a GradientCollector is open.
 *
 * <p>On the CPU, predictions and features are data-parallel: each batch is cut into slices run by
 * {@link InferenceWorkers} (one libtorch intra-op thread each), where the backbone's large early stages run
 * on Winograd convolutions ({@link FoldedInference}). Rows come back in input order; the outputs differ from
 * a one-thread-per-runner forward by float rounding only. Monte-Carlo dropout runs in the calling thread.
 */
public final class ModelRunner implements AutoCloseable {
    private final DiagnosisModel model;
    private final int batchSize;
    private final InferenceKernels kernels;
    private final int workerCount;
    private FoldedInference folded;
    private InferenceWorkers workerPool;

    /**
     * A runner over {@code model} evaluating at most {@code batchSize} images per forward, on the kernels
     * {@link KernelSelection} chose for this machine.
     */
    public ModelRunner(DiagnosisModel model, int batchSize) {
        this(model, batchSize, KernelSelection.current().inference());
    }

    /**
     * As {@link #ModelRunner(DiagnosisModel, int)} with the backbone on {@code kernels} (see
     * {@link FoldedInference}); {@link InferenceKernels#ONEDNN_BF16} is refused at the first prediction where
     * it cannot run. On the CPU with the default kernels, each batch is cut into slices run in parallel by
     * one-thread workers, one per intra-op thread of the calling thread (see {@link #workers()}).
     */
    public ModelRunner(DiagnosisModel model, int batchSize, InferenceKernels kernels) {
        this(model, batchSize, kernels, defaultWorkers(model.model().getNDManager().getDevice(), kernels, batchSize));
    }

    /**
     * As {@link #ModelRunner(DiagnosisModel, int, InferenceKernels)} with {@code workers} threads of one
     * intra-op thread each (1: every batch runs in the calling thread with its own thread count).
     */
    public ModelRunner(DiagnosisModel model, int batchSize, InferenceKernels kernels, int workers) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.kernels = kernels;
        this.workerCount = workers;
    }

    /** How many threads run the slices of a batch (1: the calling thread alone). */
    public int workers() {
        return workerCount;
    }

    /**
     * The workers a runner created now in this thread uses by default: one per intra-op thread of this
     * thread, at most one per 16 images of a batch, and 1 off the CPU or with other than the default kernels.
     */
    public static int defaultWorkers(Device device, InferenceKernels kernels, int batchSize) {
        return InferenceWorkers.count(device, kernels, batchSize);
    }

    /**
     * Predicts every image.
     *
     * @param images one C*H*W array per image (channel-major, after preprocessing)
     */
    public Prediction predict(float[][] images, int channels, int height, int width) {
        int n = images.length;
        float[][] logits = new float[n][];
        float[][] attention = model.config().hasAttention() ? new float[n][] : null;
        int[] mapShape = new int[3];
        FoldedInference f = folded();
        forEachSlice(images, channels, height, width, (ps, x) -> f.forward(ps, x, false), (start, b, out) -> {
            ImageBatches.splitRows(out.logits().toFloatArray(), logits, start, b);
            if (attention != null) {
                Shape s = out.attention().getShape();
                mapShape[0] = (int) s.get(1);
                mapShape[1] = (int) s.get(2);
                mapShape[2] = (int) s.get(3);
                ImageBatches.splitRows(out.attention().toFloatArray(), attention, start, b);
            }
        });
        return new Prediction(logits, model.probabilities(logits), attention, mapShape[0], mapShape[1], mapShape[2]);
    }

    /**
     * The model's own image features: the last-stage feature map averaged over space, one d-vector
     * per image (the input of feature-based shift scores such as the Mahalanobis distance).
     */
    public float[][] features(float[][] images, int channels, int height, int width) {
        return logitsAndFeatures(images, channels, height, width).features();
    }

    /** Raw logits and {@link #features} of each image, from one forward pass per batch. */
    public LogitsAndFeatures logitsAndFeatures(float[][] images, int channels, int height, int width) {
        float[][] logits = new float[images.length][];
        float[][] features = new float[images.length][];
        FoldedInference f = folded();
        forEachSlice(images, channels, height, width, (ps, x) -> f.forward(ps, x, true), (start, b, o) -> {
            ImageBatches.splitRows(o.logits().toFloatArray(), logits, start, b);
            NDArray pooled = spatialMean(o.list().get(DiagnosisNetwork.FEATURES));
            ImageBatches.splitRows(pooled.toFloatArray(), features, start, b);
        });
        return new LogitsAndFeatures(logits, features);
    }

    /**
     * The segmentation head's lesion probability (sigmoid of its logits) per pixel of each image, H*W
     * values row-major at input resolution; the model must have the head.
     */
    public float[][] segmentation(float[][] images, int channels, int height, int width) {
        if (!model.config().segmentationHead()) {
            throw new AttndxException("model " + model.config().preset() + " has no segmentation head (train with"
                    + " --lambda-seg > 0 on data with masks)");
        }
        float[][] out = new float[images.length][];
        FoldedInference f = folded();
        forEachSlice(images, channels, height, width, (ps, x) -> f.forward(ps, x, false),
                (start, b, o) -> ImageBatches.splitRows(Activation.sigmoid(o.segmentation()).toFloatArray(), out,
                        start, b));
        return out;
    }

    /** Raw logits and pooled last-stage features, one row per image. */
    public record LogitsAndFeatures(float[][] logits, float[][] features) {}

    /**
     * Monte-Carlo dropout (Gal and Ghahramani, seed ref. 14): {@code passes} stochastic forward
     * passes with the classifier's dropout on and batch norm in inference mode; returns the raw
     * logits of each pass, {@code [pass][image][class]}. The engine seed is set from {@code seed}
     * so the passes repeat.
     */
    public float[][][] mcDropoutLogits(float[][] images, int channels, int height, int width, int passes, int seed) {
        if (!(model.config().dropout() > 0)) {
            throw new AttndxException("Monte-Carlo dropout needs a model with dropout; " + model.config().preset()
                    + " has dropout " + model.config().dropout() + " (train with --dropout)");
        }
        ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
        PairList<String, Object> params = new PairList<>();
        params.add(DiagnosisNetwork.MC_DROPOUT, Boolean.TRUE);
        float[][][] out = new float[passes][images.length][];
        for (int p = 0; p < passes; p++) {
            float[][] pass = out[p];
            forEachBatch(images, channels, height, width,
                    (ps, x) -> model.network().forward(ps, new NDList(x), false, params),
                    (start, b, o) -> ImageBatches.splitRows(o.logits().toFloatArray(), pass, start, b));
        }
        return out;
    }

    /** B x d x h x w to B x d (the engine's mean reduces one axis at a time). */
    private static NDArray spatialMean(NDArray f) {
        Shape s = f.getShape();
        return f.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
    }

    /** Receives one batch's output. */
    @FunctionalInterface
    private interface BatchOutput {
        void accept(int start, int count, DiagnosisOutput out);
    }

    /** Runs each batch in the calling thread (stochastic forwards, whose random draws must keep their order). */
    private void forEachBatch(float[][] images, int channels, int height, int width,
            BiFunction<ParameterStore, NDArray, NDList> forward, BatchOutput consumer) {
        for (int start = 0; start < images.length; start += batchSize) {
            runSlice(images, start, Math.min(batchSize, images.length - start), channels, height, width, forward,
                    consumer);
        }
    }

    /**
     * Runs each batch cut into slices of at least {@link InferenceWorkers#MIN_SLICE} images, one per worker,
     * in parallel; the consumer is called from the workers, each for its own rows.
     */
    private void forEachSlice(float[][] images, int channels, int height, int width,
            BiFunction<ParameterStore, NDArray, NDList> forward, BatchOutput consumer) {
        for (int start = 0; start < images.length; start += batchSize) {
            int b = Math.min(batchSize, images.length - start);
            int slices = Math.min(workerCount, b / InferenceWorkers.MIN_SLICE);
            if (slices < 2 || !folded().blocked()) {
                runSlice(images, start, b, channels, height, width, forward, consumer);
                continue;
            }
            List<Runnable> tasks = new ArrayList<>(slices);
            for (int i = 0; i < slices; i++) {
                int from = start + (int) ((long) b * i / slices);
                int to = start + (int) ((long) b * (i + 1) / slices);
                tasks.add(() -> runSlice(images, from, to - from, channels, height, width, forward, consumer));
            }
            pool().runAll(tasks);
        }
    }

    private void runSlice(float[][] images, int start, int count, int channels, int height, int width,
            BiFunction<ParameterStore, NDArray, NDList> forward, BatchOutput consumer) {
        try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
            NDManager batch = scope.manager();
            NDArray x = ImageBatches.create(batch, images, start, count, channels, height, width);
            NDList out = forward.apply(new ParameterStore(batch, false), x);
            consumer.accept(start, count, new DiagnosisOutput(out));
        }
    }

    private InferenceWorkers pool() {
        if (workerPool == null) {
            workerPool = new InferenceWorkers(workerCount);
        }
        return workerPool;
    }

    private FoldedInference folded() {
        if (folded == null) {
            folded = new FoldedInference(model.network(), model.model().getNDManager(), kernels);
        }
        return folded;
    }

    /** Frees the folded parameter snapshot and stops the workers. */
    @Override
    public void close() {
        if (workerPool != null) {
            workerPool.close();
            workerPool = null;
        }
        if (folded != null) {
            folded.close();
            folded = null;
        }
    }
}
