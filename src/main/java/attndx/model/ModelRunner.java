package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * Inference on already preprocessed images without a DJL Predictor: each batch runs the inference forward
 * in its own sub-manager (inputs created there, so every intermediate is freed when the batch ends) and is
 * converted to Java arrays once. The forward is {@link FoldedInference} (batch norms folded into the
 * convolutions), over a snapshot of the parameters taken at the first prediction: create a new runner after
 * training changes them, and close it. Not thread-safe: use one runner per thread. Do not run it while a
 * GradientCollector is open.
 */
public final class ModelRunner implements AutoCloseable {
    private final DiagnosisModel model;
    private final int batchSize;
    private FoldedInference folded;

    /** A runner over {@code model} evaluating at most {@code batchSize} images per forward. */
    public ModelRunner(DiagnosisModel model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /**
     * Predicts every image.
     *
     * @param images one C*H*W array per image (channel-major, after preprocessing)
     */
    public Prediction predict(float[][] images, int channels, int height, int width) {
        int n = images.length;
        int k = model.config().numClasses();
        float[][] logits = new float[n][];
        float[][] attention = model.config().hasAttention() ? new float[n][] : null;
        int[] mapShape = new int[3];
        for (int start = 0; start < n; start += batchSize) {
            int b = Math.min(batchSize, n - start);
            try (NDManager batch = model.model().getNDManager().newSubManager()) {
                float[] flat = new float[b * channels * height * width];
                for (int i = 0; i < b; i++) {
                    float[] img = images[start + i];
                    if (img.length != channels * height * width) {
                        throw new IllegalArgumentException("image " + (start + i) + " has " + img.length
                                + " values, expected " + channels + "x" + height + "x" + width);
                    }
                    System.arraycopy(img, 0, flat, i * img.length, img.length);
                }
                NDArray x = batch.create(flat, new Shape(b, channels, height, width));
                DiagnosisOutput out = new DiagnosisOutput(folded().forward(new ParameterStore(batch, false), x));
                split(out.logits().toFloatArray(), logits, start, b);
                if (attention != null) {
                    Shape s = out.attention().getShape();
                    mapShape = new int[] {(int) s.get(1), (int) s.get(2), (int) s.get(3)};
                    split(out.attention().toFloatArray(), attention, start, b);
                }
            }
        }
        return new Prediction(logits, probabilities(logits, k), attention, mapShape[0], mapShape[1], mapShape[2]);
    }

    private FoldedInference folded() {
        if (folded == null) {
            folded = new FoldedInference(model.network(), model.model().getNDManager());
        }
        return folded;
    }

    /** Frees the folded parameter snapshot. */
    @Override
    public void close() {
        if (folded != null) {
            folded.close();
            folded = null;
        }
    }

    private static void split(float[] flat, float[][] into, int start, int count) {
        int per = flat.length / count;
        for (int i = 0; i < count; i++) {
            into[start + i] = Arrays.copyOfRange(flat, i * per, (i + 1) * per);
        }
    }

    private float[][] probabilities(float[][] logits, int k) {
        double t = model.metadata().effectiveTemperature();
        boolean multi = model.config().multiLabel();
        float[][] p = new float[logits.length][k];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits[i]) {
                max = Math.max(max, l / t);
            }
            double z = 0;
            for (int c = 0; c < k; c++) {
                double s = logits[i][c] / t;
                p[i][c] = (float) (multi ? 1 / (1 + Math.exp(-s)) : Math.exp(s - max));
                z += p[i][c];
            }
            for (int c = 0; !multi && c < k; c++) {
                p[i][c] = (float) (p[i][c] / z);
            }
        }
        return p;
    }
}
