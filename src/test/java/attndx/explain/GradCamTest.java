package attndx.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import attndx.core.Provenance;
import attndx.data.MinMax;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import attndx.kernels.ModelRunner;
import attndx.model.SpatialMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradCamTest {
    private static final int SIZE = 28;

    private static DiagnosisModel model(String preset) {
        return DiagnosisModel.create(ModelPresets.create(preset, 18, 8, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 3);
    }

    private static float[][] images(int n) {
        float[][] x = new float[n][SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < x[i].length; p++) {
                x[i][p] = ((p * 31 + i * 7) % 17) / 8.5f - 1f;
            }
        }
        return x;
    }

    /** The last stage's map of the plain (unfolded) forward, B x K x h x w, in {@code m}. */
    private static NDArray lastStage(DiagnosisModel model, NDManager m, float[][] x) {
        float[] flat = new float[x.length * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * SIZE * SIZE, SIZE * SIZE);
        }
        NDArray in = m.create(flat, new Shape(x.length, 1, SIZE, SIZE));
        return model.network().stageFeatures(new ParameterStore(m, false), in, false).get(ModelConfig.STAGES - 1);
    }

    private static float[] classifierWeight(DiagnosisModel model) {
        return model.network().getChildren().stream().filter(b -> b.getKey().endsWith("classifier")).findFirst()
                .orElseThrow().getValue().getParameters().stream().filter(p -> p.getKey().endsWith("weight"))
                .findFirst().orElseThrow().getValue().getArray().toFloatArray();
    }

    /**
     * With global average pooling and a linear classifier, d y_c / d F_kij = W_ck / (h w) exactly, so Grad-CAM's
     * weights are the classifier's row over h w and its map is CAM (Zhou et al.): computed here from the plain
     * forward and the weights, independently of autograd and of the folded, blocked inference path.
     */
    @Test
    void onAGapModelTheWeightsAreTheClassifierRowAndTheMapIsCam() {
        try (DiagnosisModel model = model("gap"); GradCam cam = new GradCam(model, 4);
                NDManager m = model.model().getNDManager().newSubManager()) {
            float[][] x = images(3);
            int[] targets = {1, 0, 1};
            GradCamMaps out = cam.explain(x, 1, SIZE, SIZE, targets);
            NDArray f = lastStage(model, m, x);
            long k = f.getShape().get(1);
            long hw = f.getShape().get(2) * f.getShape().get(3);
            float[] w = classifierWeight(model);
            for (int i = 0; i < 3; i++) {
                float[] row = new float[(int) k];
                for (int c = 0; c < k; c++) {
                    row[c] = w[targets[i] * (int) k + c] / hw;
                }
                assertArrayEquals(row, out.channelWeights()[i], 1e-6f, "weights of image " + i);
                NDArray weighted = m.create(row, new Shape(1, k, 1, 1)).mul(f.get(i).expandDims(0))
                        .sum(new int[] {1}, true).maximum(0f);
                float[] expected = SpatialMaps.bilinear(weighted, SIZE, SIZE).toFloatArray();
                MinMax.scaleToUnit(expected);
                assertArrayEquals(expected, out.maps()[i], 1e-4f, "map of image " + i);
            }
            assertArrayEquals(targets, out.targets());
        }
    }

    /**
     * Through an attention head the gradient has no closed form; alpha_k = (1 / hw) d/dt y_c(F + t E_k), E_k
     * all ones on channel k, is checked against a central difference of the head's logit for every channel.
     */
    @Test
    void onAnAttentionModelTheWeightsAreTheLogitsSlopeAlongEachChannel() {
        try (DiagnosisModel model = model("attn-single"); GradCam cam = new GradCam(model, 2);
                NDManager m = model.model().getNDManager().newSubManager()) {
            float[][] x = images(1);
            GradCamMaps out = cam.explain(x, 1, SIZE, SIZE, null);
            int c = out.targets()[0];
            NDArray f = lastStage(model, m, x);
            Shape s = f.getShape();
            float t = 1e-2f;
            float[] alpha = out.channelWeights()[0];
            float scale = 0;
            for (float a : alpha) {
                scale = Math.max(scale, Math.abs(a));
            }
            assertTrue(scale > 0, "Grad-CAM weights are all zero");
            for (int k = 0; k < s.get(1); k++) {
                float[] dir = new float[(int) s.size()];
                for (int p = 0; p < s.get(2) * s.get(3); p++) {
                    dir[(int) (k * s.get(2) * s.get(3)) + p] = t;
                }
                NDArray e = m.create(dir, s);
                double slope = (logit(model, m, f.add(e), c) - logit(model, m, f.sub(e), c)) / (2 * t)
                        / (s.get(2) * s.get(3));
                assertEquals(slope, alpha[k], 2e-3 * scale, "alpha of channel " + k);
            }
        }
    }

    private static double logit(DiagnosisModel model, NDManager m, NDArray last, int c) {
        NDList features = new NDList(ModelConfig.STAGES);
        for (int s = 0; s < ModelConfig.STAGES; s++) {
            features.add(last);
        }
        NDList out = model.network().head(new ParameterStore(m, false), features, new Shape(1, 1, SIZE, SIZE), false);
        return new DiagnosisOutput(out).logits().toFloatArray()[c];
    }

    @Test
    void mapsSpanZeroToOneTheTargetIsThePredictedClassAndBatchingChangesNothing() {
        try (DiagnosisModel model = model("attn-multiscale"); GradCam whole = new GradCam(model, 5);
                GradCam split = new GradCam(model, 2); ModelRunner runner = new ModelRunner(model, 5)) {
            float[][] x = images(5);
            GradCamMaps a = whole.explain(x, 1, SIZE, SIZE, null);
            GradCamMaps b = split.explain(x, 1, SIZE, SIZE, null);
            float[][] probs = runner.predict(x, 1, SIZE, SIZE).probabilities();
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(a.maps()[i], b.maps()[i], 1e-5f);
                assertEquals(probs[i][0] > probs[i][1] ? 0 : 1, a.targets()[i]);
                assertEquals(probs[i][a.targets()[i]], a.targetProbabilities()[i], 1e-5f);
                float lo = 1;
                float hi = 0;
                for (float v : a.maps()[i]) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                assertEquals(SIZE * SIZE, a.maps()[i].length);
                assertTrue(hi == 0 || (lo == 0 && hi == 1), "map " + i + " spans [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void theHeadsParameterGradientsAreLeftAtZero() {
        try (DiagnosisModel model = model("attn-single"); GradCam cam = new GradCam(model, 2)) {
            cam.explain(images(2), 1, SIZE, SIZE, new int[] {0, 1});
            int checked = 0;
            for (var p : model.network().getParameters()) {
                Parameter param = p.getValue();
                PtNDArray grad = JniUtils.getGradient((PtNDArray) param.getArray());
                if (grad != null) {
                    checked++;
                    assertEquals(0f, grad.abs().max().getFloat(), p.getKey());
                    grad.close();
                }
            }
            assertTrue(checked > 0, "the head's backward left no gradient to check");
        }
    }

    @Test
    void targetsOutsideTheClassesAreRejected() {
        try (DiagnosisModel model = model("gap"); GradCam cam = new GradCam(model, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cam.explain(images(2), 1, SIZE, SIZE, new int[] {0, 2}));
            assertEquals("target 1 is 2, expected a class index in [0, 2)", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> cam.explain(images(2), 1, SIZE, SIZE, new int[] {0}));
        }
    }

    /** As {@code ModelRunnerTest}: from a thread whose autograd is on, the same maps. */
    @Test
    void explainsInAnotherThread() throws Exception {
        try (DiagnosisModel model = model("attn-multiscale"); GradCam here = new GradCam(model, 2)) {
            float[][] x = images(3);
            GradCamMaps expected = here.explain(x, 1, SIZE, SIZE, null);
            Object[] result = new Object[1];
            Thread worker = new Thread(() -> {
                try (GradCam there = new GradCam(model, 2)) {
                    result[0] = there.explain(x, 1, SIZE, SIZE, null);
                } catch (RuntimeException e) {
                    result[0] = e;
                }
            });
            worker.start();
            worker.join();
            GradCamMaps maps = assertInstanceOf(GradCamMaps.class, result[0]);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(expected.maps()[i], maps.maps()[i], 1e-5f);
            }
        }
    }
}
