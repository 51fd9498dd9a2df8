package attndx.kernels;

import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.model.NetworkFixtures;
import attndx.model.Prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.pytorch.jni.JniUtils;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRunnerTest {
    private static DiagnosisModel model(ModelConfig config, List<String> names) {
        return DiagnosisModel.create(config, Preprocessing.defaults(), names, Provenance.capture("model", Map.of(), "", 1), 1);
    }

    private static float[][] images(int n) {
        float[][] x = new float[n][28 * 28];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < x[i].length; p++) {
                x[i][p] = ((p * 31 + i * 7) % 17) / 17f;
            }
        }
        return x;
    }

    @Test
    void batchingDoesNotChangeWhichAnswerBelongsToWhichImage() {
        try (DiagnosisModel m = model(NetworkFixtures.tiny("attn-multiscale", 2), List.of("a", "b"))) {
            float[][] x = images(5);
            Prediction all = new ModelRunner(m, 5).predict(x, 1, 28, 28);
            Prediction single = new ModelRunner(m, 1).predict(new float[][] {x[3]}, 1, 28, 28);
            assertEquals(5, all.size());
            assertArrayEquals(single.logits()[0], all.logits()[3], 1e-5f);
            assertEquals(1, all.mapCount());
            assertEquals(14, all.mapHeight());
            float[][] map = all.map(3, 0);
            assertEquals(all.attention()[3][2 * 14 + 5], map[2][5]);
        }
    }

    /**
     * A batch of 32 is cut into two slices of 16 for two one-thread workers (whose stages 1-2 run Winograd
     * convolutions at width 64), the remaining 13 images run as one slice: every row must match the answer
     * of a one-worker runner for the same image, maps and features included.
     */
    @Test
    void parallelSlicesGiveEachImageTheOneWorkerAnswer() {
        KernelAssumptions.assumeRuns(KernelComponent.WINOGRAD);
        ModelConfig config = ModelPresets.create("attn-multiscale", 18, 64, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        try (DiagnosisModel m = model(config, List.of("a", "b"));
                ModelRunner parallel = new ModelRunner(m, 32, InferenceKernels.ONEDNN, 2);
                ModelRunner serial = new ModelRunner(m, 32, InferenceKernels.ONEDNN, 1)) {
            assertEquals(2, parallel.workers());
            float[][] x = images(45);
            Prediction p = parallel.predict(x, 1, 28, 28);
            Prediction s = serial.predict(x, 1, 28, 28);
            ModelRunner.LogitsAndFeatures pf = parallel.logitsAndFeatures(x, 1, 28, 28);
            ModelRunner.LogitsAndFeatures sf = serial.logitsAndFeatures(x, 1, 28, 28);
            for (int i = 0; i < x.length; i++) {
                NetworkFixtures.assertClose(s.logits()[i], p.logits()[i], "logits of image " + i);
                NetworkFixtures.assertClose(s.attention()[i], p.attention()[i], "map of image " + i);
                NetworkFixtures.assertClose(sf.features()[i], pf.features()[i], "features of image " + i);
            }
        }
    }

    @Test
    void multiLabelProbabilitiesAreSigmoidsAndGapHasNoMap() {
        try (DiagnosisModel m = model(NetworkFixtures.tiny("gap", 3).withTask(1, 3, true), List.of("a", "b", "c"))) {
            Prediction p = new ModelRunner(m, 4).predict(images(2), 1, 28, 28);
            assertNull(p.attention());
            assertNull(p.map(0, 0));
            for (int c = 0; c < 3; c++) {
                assertEquals(1 / (1 + Math.exp(-p.logits()[1][c])), p.probabilities()[1][c], 1e-6);
            }
        }
    }

    @Test
    void wrongImageSizeIsRejectedWithItsIndex() {
        try (DiagnosisModel m = model(NetworkFixtures.tiny("gap", 2), List.of("a", "b"))) {
            float[][] x = {new float[784], new float[10]};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ModelRunner(m, 4).predict(x, 1, 28, 28));
            assertEquals("image 1 has 10 values, expected 1x28x28", e.getMessage());
        }
    }

    /**
     * libtorch's autograd switch is per thread and on in every thread but the engine's first: a runner used
     * from another thread must still run without autograd (the scripted kernels' tensors cannot be saved for a
     * backward) and leave the thread's setting as it found it.
     */
    @Test
    void predictsInAnotherThreadAndRestoresItsAutogradSetting() throws Exception {
        try (DiagnosisModel m = model(NetworkFixtures.tiny("attn-multiscale", 2), List.of("a", "b"));
                ModelRunner here = new ModelRunner(m, 4)) {
            float[][] x = images(3);
            float[][] expected = here.predict(x, 1, 28, 28).logits();
            Object[] result = new Object[3];
            Thread worker = new Thread(() -> {
                result[0] = JniUtils.isGradMode();
                try (ModelRunner there = new ModelRunner(m, 4)) {
                    result[1] = there.predict(x, 1, 28, 28).logits();
                } catch (RuntimeException e) {
                    result[1] = e;
                }
                result[2] = JniUtils.isGradMode();
            });
            worker.start();
            worker.join();
            assertEquals(Boolean.TRUE, result[0], "a new thread starts with autograd on");
            float[][] logits = assertInstanceOf(float[][].class, result[1]);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(expected[i], logits[i], 1e-5f);
            }
            assertEquals(Boolean.TRUE, result[2], "the thread's setting is restored");
        }
    }
}
