package attndx.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.core.AttndxException;
import attndx.core.Provenance;
import attndx.data.MinMax;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelConfig.AttentionMode;
import attndx.model.ModelConfig.Fusion;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import attndx.kernels.ModelRunner;
import attndx.model.Prediction;
import attndx.model.SpatialMaps;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SaliencyTest {

    /**
     * {{0, 1}, {2, 3}} to 4 x 4: output centres fall at source -0.25 (clamped to 0), 0.25, 0.75, 1.25 (the
     * last row/column repeats), and the map is linear (x + 2y), so each value is fx + 2 fy.
     */
    @Test
    void upsamplingSamplesAtPixelCentresAsPyTorchDoes() {
        float[] out = Saliency.resize(new float[] {0, 1, 2, 3}, 2, 2, 4, 4);
        assertArrayEquals(new float[] {0, .25f, .75f, 1, .5f, .75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f,
                2.75f, 3}, out, 1e-6f);
    }

    /** The 0..63 ramp on 8 x 8 to 3 x 3: PyTorch 1.13's {@code F.interpolate(x, (3, 3), mode="bilinear")}. */
    @Test
    void downsamplingSamplesWithoutAntialiasingAsPyTorchsDefault() {
        float[] ramp = new float[64];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        assertArrayEquals(new float[] {7.5f, 10.1667f, 12.8333f, 28.8333f, 31.5f, 34.1667f, 50.1667f, 52.8333f, 55.5f},
                Saliency.resize(ramp, 8, 8, 3, 3), 1e-4f);
    }

    @Test
    void upsamplingMatchesTheEnginesBilinear() {
        Random r = new Random(7);
        int[][] cases = {{7, 5, 28, 20}, {4, 4, 28, 28}, {1, 3, 2, 7}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : cases) {
                float[] map = new float[c[0] * c[1]];
                for (int i = 0; i < map.length; i++) {
                    map[i] = r.nextFloat();
                }
                float[] expected = SpatialMaps.bilinear(m.create(map, new Shape(1, 1, c[0], c[1])), c[2], c[3])
                        .toFloatArray();
                assertArrayEquals(expected, Saliency.resize(map, c[0], c[1], c[2], c[3]), 1e-5f,
                        c[0] + "x" + c[1] + " -> " + c[2] + "x" + c[3]);
            }
        }
    }

    @Test
    void classSpecificAttentionExplainsEachImageWithItsTargetsMap() {
        ModelConfig config = ModelPresets.create("attn-single", 18, 8, Stem.SMALL_INPUT, 1, 2)
                .withAttention(List.of(4), AttentionMode.CLASS_SPECIFIC, Fusion.LEARNED, List.of(), false);
        try (DiagnosisModel model = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("test", Map.of(), "", 1), 2); ModelRunner runner = new ModelRunner(model, 2)) {
            float[][] x = new float[2][28 * 28];
            for (int p = 0; p < x[0].length; p++) {
                x[0][p] = (float) Math.sin(p * 0.1);
                x[1][p] = (float) Math.cos(p * 0.3);
            }
            Prediction p = runner.predict(x, 1, 28, 28);
            assertEquals(2, p.mapCount());
            float[][] maps = Saliency.attention(p, new int[] {1, 0}, 28, 28);
            int plane = p.mapHeight() * p.mapWidth();
            for (int i = 0; i < 2; i++) {
                int m = i == 0 ? 1 : 0;
                float[] own = java.util.Arrays.copyOfRange(p.attention()[i], m * plane, (m + 1) * plane);
                float[] expected = Saliency.resize(own, p.mapHeight(), p.mapWidth(), 28, 28);
                MinMax.scaleToUnit(expected);
                assertArrayEquals(expected, maps[i], "image " + i);
            }
        }
    }

    @Test
    void aModelWithoutAttentionIsToldToUseGradCam() {
        try (DiagnosisModel model = DiagnosisModel.create(ModelPresets.create("gap", 18, 8, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 2);
                ModelRunner runner = new ModelRunner(model, 2)) {
            Prediction p = runner.predict(new float[1][28 * 28], 1, 28, 28);
            AttndxException e = assertThrows(AttndxException.class, () -> Saliency.attention(p, new int[] {0}, 28, 28));
            assertEquals("the model has no spatial attention maps to explain with; use Grad-CAM", e.getMessage());
        }
    }
}
