package attndx.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.core.Engines;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import attndx.kernels.ModelRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every method on tiny models: shapes, range, refusals by name, and Grad-CAM on the last stage as GradCam. */
class MethodsTest {
    static final int SIZE = 16;

    static {
        Engines.configure();
    }

    static DiagnosisModel model(String preset) {
        return DiagnosisModel.create(ModelPresets.create(preset, 18, 4, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 3);
    }

    static float[][] images(int n) {
        float[][] x = new float[n][SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < x[i].length; p++) {
                x[i][p] = ((p * 31 + i * 7) % 17) / 8.5f - 1f;
            }
        }
        return x;
    }

    private static void checkMaps(String name, float[][] maps, int n) {
        assertEquals(n, maps.length, name);
        for (float[] m : maps) {
            assertEquals(SIZE * SIZE, m.length, name);
            for (float v : m) {
                assertTrue(v >= 0 && v <= 1, name + " value " + v);
            }
        }
    }

    @Test
    void everyApplicableMethodGivesMapsInUnitRangeAtInputSize() {
        float[][] x = images(3);
        int[] t = {0, 1, 1};
        for (String preset : List.of("attn-multiscale", "gap")) {
            try (DiagnosisModel m = model(preset); ModelRunner runner = new ModelRunner(m, 8)) {
                for (String name : Methods.NAMES) {
                    if (Methods.refusal(name, m.config()) != null) {
                        continue;
                    }
                    for (int stage : name.startsWith("gradcam") ? new int[] {2, 4} : new int[] {4}) {
                        try (ExplanationMethod e = Methods.create(name, m, runner,
                                MethodOptions.defaults().withStage(stage))) {
                            checkMaps(preset + "/" + name + "@" + stage, e.explain(x, 1, SIZE, SIZE, t), 3);
                        }
                    }
                }
            }
        }
    }

    /**
     * Each image's gradient map is the one it gets alone: libtorch's one-channel input gradient was wrong for all
     * but the first image of a batch in some calls on one CPU, so the method must not batch it.
     */
    @Test
    void anImagesGradientMapDoesNotDependOnTheOtherImagesOfTheCall() {
        float[][] x = images(16);
        int[] t = new int[16];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 2;
        }
        try (DiagnosisModel m = model("attn-multiscale"); ModelRunner runner = new ModelRunner(m, 16);
                ExplanationMethod e = Methods.create(Methods.GRADIENT, m, runner, MethodOptions.defaults())) {
            for (int call = 0; call < 3; call++) {
                float[][] together = e.explain(x, 1, SIZE, SIZE, t);
                for (int i = 0; i < x.length; i++) {
                    float[] alone = e.explain(new float[][] {x[i]}, 1, SIZE, SIZE, new int[] {t[i]})[0];
                    assertArrayEquals(alone, together[i], 1e-5f, "call " + call + ", image " + i);
                }
            }
        }
    }

    @Test
    void gradCamOfALoneImageOrOfALastBatchOfOneEqualsItsMapInALargerBatch() {
        float[][] x = images(5);
        int[] t = {1, 0, 1, 0, 1};
        try (DiagnosisModel m = model("attn-multiscale"); GradCam batched = new GradCam(m, 8);
                GradCam byFour = new GradCam(m, 4);
                ExplanationMethod stage = Methods.create(Methods.GRADCAM, m, null, MethodOptions.defaults())) {
            GradCamMaps together = batched.explain(x, 1, SIZE, SIZE, t);
            // 5 images in batches of at most 4 run as 3 + 2, never 4 + 1
            GradCamMaps fours = byFour.explain(x, 1, SIZE, SIZE, t);
            float[][] stageTogether = stage.explain(x, 1, SIZE, SIZE, t);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(together.maps()[i], fours.maps()[i], 1e-4f, "image " + i + " in batches of four");
                GradCamMaps alone = batched.explain(new float[][] {x[i]}, 1, SIZE, SIZE, new int[] {t[i]});
                assertEquals(1, alone.maps().length);
                assertArrayEquals(together.maps()[i], alone.maps()[0], 1e-4f, "image " + i + " alone");
                assertArrayEquals(together.logits()[i], alone.logits()[0], 1e-4f, "image " + i + " alone");
                assertArrayEquals(stageTogether[i], stage.explain(new float[][] {x[i]}, 1, SIZE, SIZE,
                        new int[] {t[i]})[0], 1e-4f, "stage Grad-CAM of image " + i + " alone");
            }
        }
    }

    @Test
    void lastStageGradCamEqualsTheExistingGradCam() {
        float[][] x = images(2);
        try (DiagnosisModel m = model("attn-multiscale"); GradCam ref = new GradCam(m, 8);
                ExplanationMethod e = Methods.create(Methods.GRADCAM, m, null, MethodOptions.defaults())) {
            GradCamMaps expected = ref.explain(x, 1, SIZE, SIZE, new int[] {1, 0});
            float[][] got = e.explain(x, 1, SIZE, SIZE, new int[] {1, 0});
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(expected.maps()[i], got[i], 1e-4f);
            }
        }
    }

    @Test
    void methodsThatDoNotApplyAreRefusedByName() {
        try (DiagnosisModel gap = model("gap"); DiagnosisModel attn = model("attn-multiscale")) {
            assertNotNull(Methods.refusal("attention", gap.config()));
            assertTrue(Methods.refusal("attention", gap.config()).contains("gap"));
            assertNotNull(Methods.refusal("cam", attn.config()));
            assertNotNull(Methods.refusal("attention-s1", attn.config()));
            assertNull(Methods.refusal("attention-s3", attn.config()));
            AttndxException e = assertThrows(AttndxException.class, () -> Methods.create("cam", attn, null,
                    MethodOptions.defaults()));
            assertTrue(e.getMessage().contains("cam"), e.getMessage());
            AttndxException u = assertThrows(AttndxException.class, () -> Methods.refusal("lime", gap.config()));
            assertTrue(u.getMessage().contains("lime") && u.getMessage().contains("gradcam"), u.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MethodOptions.defaults().withStage(5));
    }

    @Test
    void randomisingTheWeightsChangesGradCamAndKeepsTheEdgeMap() {
        float[][] x = images(2);
        int[] t = {1, 1};
        try (DiagnosisModel m = model("gap"); ExplanationMethod g = Methods.create(Methods.GRADCAM, m, null,
                MethodOptions.defaults())) {
            float[][] before = g.explain(x, 1, SIZE, SIZE, t);
            WeightRandomiser.randomise(m, WeightRandomiser.GROUPS, 5);
            try (ExplanationMethod after = Methods.create(Methods.GRADCAM, m, null, MethodOptions.defaults())) {
                assertNotEquals(before[0][0] + before[0][1] + before[0][7],
                        after.explain(x, 1, SIZE, SIZE, t)[0][0] + after.explain(x, 1, SIZE, SIZE, t)[0][1]
                                + after.explain(x, 1, SIZE, SIZE, t)[0][7]);
            }
        }
    }
}
