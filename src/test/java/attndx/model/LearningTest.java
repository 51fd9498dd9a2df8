package attndx.model;

import attndx.kernels.ModelRunner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A real learning check: a tiny attention model learns "bright blob present" from 200 synthetic images
 * and is judged on 100 held-out ones in inference mode. Enough steps (80) are taken for the batch-norm
 * running variances to forget their initial value of 1 (0.9^80 ~ 2e-4); with ~30 steps they do not, and
 * inference-mode accuracy is near chance although training-mode accuracy is perfect.
 */
class LearningTest {
    private static final int SIZE = 28;

    /**
     * Noise in [0, 0.3]; positives add a Gaussian blob (amplitude 0.7, sigma 2) at a random position. Then
     * normalised as the default preprocessing does: (x - 0.5) / 0.5.
     */
    private static float[][] images(Random r, float[] labels) {
        float[][] x = new float[labels.length][SIZE * SIZE];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextBoolean() ? 1 : 0;
            int cy = 5 + r.nextInt(SIZE - 10);
            int cx = 5 + r.nextInt(SIZE - 10);
            for (int y = 0; y < SIZE; y++) {
                for (int xx = 0; xx < SIZE; xx++) {
                    double blob = labels[i] * 0.7 * Math.exp(-((y - cy) * (y - cy) + (xx - cx) * (xx - cx)) / 8.0);
                    x[i][y * SIZE + xx] = (float) ((0.3 * r.nextFloat() + blob - 0.5) / 0.5);
                }
            }
        }
        return x;
    }

    @Test
    void attentionModelBeatsChanceOnHeldOutBlobs() {
        Random r = new Random(5);
        float[] trainY = new float[200];
        float[][] trainX = images(r, trainY);
        float[] testY = new float[100];
        float[][] testX = images(r, testY);
        ModelConfig config = NetworkFixtures.tiny("attn-multiscale", 2);
        try (DiagnosisModel model = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("no", "blob"),
                Provenance.capture("model", Map.of(), "", 5), 5);
                ClassificationStep step = new ClassificationStep(model,
                        Tracker.cosine().setBaseValue(0.01f).optFinalValue(1e-4f).setMaxUpdates(80).build())) {
            int batch = 10;
            for (int epoch = 0; epoch < 4; epoch++) {
                for (int start = 0; start < trainX.length; start += batch) {
                    float[] xs = new float[batch * SIZE * SIZE];
                    float[] ys = new float[batch];
                    for (int i = 0; i < batch; i++) {
                        System.arraycopy(trainX[start + i], 0, xs, i * SIZE * SIZE, SIZE * SIZE);
                        ys[i] = trainY[start + i];
                    }
                    step.step(xs, ys, new Shape(batch, 1, SIZE, SIZE));
                }
            }
            Prediction p;
            try (ModelRunner runner = new ModelRunner(model, 50)) {
                p = runner.predict(testX, 1, SIZE, SIZE);
            }
            int correct = 0;
            for (int i = 0; i < testY.length; i++) {
                correct += (p.probabilities()[i][1] > 0.5f) == (testY[i] == 1) ? 1 : 0;
            }
            assertTrue(correct > 80, "held-out accuracy " + correct + "/100 is not above 0.8");
        }
    }
}
