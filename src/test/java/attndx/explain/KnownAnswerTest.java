package attndx.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.explain.eval.CurveConfig;
import attndx.explain.eval.Curves;
import attndx.explain.eval.DeletionInsertion;
import attndx.explain.eval.RunnerScorer;
import attndx.model.DiagnosisModel;
import attndx.kernels.ModelRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers. Images are 0 (the normalised mean) except in one region R: a bias-free network with fresh batch
 * norms maps 0 to 0, so any such model's decision depends on R alone, and so must its explanations.
 */
class KnownAnswerTest {
    static final int SIZE = MethodsTest.SIZE;
    // R: rows and columns 10..13 of 16.
    static final int R0 = 10;
    static final int R1 = 14;

    @TempDir
    Path tmp;

    static boolean inRegion(int p, int margin) {
        int y = p / SIZE;
        int x = p % SIZE;
        return y >= R0 - margin && y < R1 + margin && x >= R0 - margin && x < R1 + margin;
    }

    static float[][] regionImages(int n) {
        float[][] x = new float[n][SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < x[i].length; p++) {
                x[i][p] = inRegion(p, 0) ? 1f + ((p * 7 + i * 3) % 5) * 0.4f : 0f;
            }
        }
        return x;
    }

    @Test
    void occlusionOfAHandBuiltScorerPeaksInTheRegionAndIsZeroElsewhere() {
        OcclusionMethod.Scorer inR = (images, c, h, w, t) -> {
            float[] out = new float[images.length];
            for (int i = 0; i < images.length; i++) {
                double s = 0;
                for (int p = 0; p < images[i].length; p++) {
                    s += inRegion(p, 0) ? images[i][p] : 0;
                }
                out[i] = (float) (1 / (1 + Math.exp(-s / 8)));
            }
            return out;
        };
        float[] map = new OcclusionMethod(inR, 4, 2, 16).explain(regionImages(1), 1, SIZE, SIZE, new int[1])[0];
        int best = argmax(map);
        assertTrue(inRegion(best, 0), "peak at " + best);
        for (int p = 0; p < map.length; p++) {
            if (!inRegion(p, 3)) {
                assertEquals(0f, map[p], 1e-6, "pixel " + p + " is farther than a patch from R");
            }
        }
    }

    @Test
    void gradCamOnTheFirstStagePeaksInTheRegionsReceptiveField() {
        float[][] x = regionImages(2);
        try (DiagnosisModel m = MethodsTest.model("gap"); ModelRunner runner = new ModelRunner(m, 8);
                ExplanationMethod g = Methods.create(Methods.GRADCAM, m, runner, MethodOptions.defaults().withStage(1))) {
            // ReLU(sum alpha F) may be 0 everywhere for one class; the maps of both are checked, one must show R.
            int structured = 0;
            for (int c = 0; c < 2; c++) {
                for (float[] map : g.explain(x, 1, SIZE, SIZE, new int[] {c, c})) {
                    if (map[argmax(map)] == 0f) {
                        continue;
                    }
                    structured++;
                    assertTrue(inRegion(argmax(map), 5), "peak at " + argmax(map));
                    for (int p = 0; p < map.length; p++) {
                        if (!inRegion(p, 6)) {
                            assertEquals(0f, map[p], 1e-6, "pixel " + p + " is outside R's stage-1 receptive field");
                        }
                    }
                }
            }
            assertTrue(structured > 0, "every map was constant");
        }
    }

    @Test
    void deletionCurveIsFlatUntilTheRegionsStepAndChangesThere() {
        float[][] x = regionImages(1);
        // Saliency ranks the first 64 raster pixels (rows 0-3) first, then R's 16 pixels, then the rest.
        float[] s = new float[SIZE * SIZE];
        for (int p = 0; p < s.length; p++) {
            s[p] = p < 64 ? 1f : inRegion(p, 0) ? 0.5f : 0f;
        }
        try (DiagnosisModel m = MethodsTest.model("gap"); ModelRunner runner = new ModelRunner(m, 8)) {
            int[] t = predicted(runner, x);
            // 16 steps of 16 pixels: steps 1-4 remove rows 0-3 (zeros already), step 5 removes R.
            Curves c = DeletionInsertion.compute(new RunnerScorer(runner, 1, SIZE, SIZE), x, 1, SIZE, SIZE,
                    new float[][] {s}, t, null, CurveConfig.deletion(16));
            float[] curve = c.curves()[0];
            for (int k = 1; k <= 4; k++) {
                assertEquals(curve[0], curve[k], 1e-6, "step " + k + " removes only zeros");
            }
            assertNotEquals(curve[4], curve[5], 1e-4, "step 5 removes R");
            for (int k = 6; k <= 16; k++) {
                assertEquals(curve[5], curve[k], 1e-6, "after R only zeros are removed");
            }
        }
    }

    @Test
    void sanityChecksPassGradCamAndFailTheEdgeMap() {
        Path dir = tmp.resolve("model");
        float[][] x = MethodsTest.images(4);
        int[] t = {0, 1, 0, 1};
        try (DiagnosisModel m = MethodsTest.model("attn-multiscale")) {
            m.save(dir);
            List<String> methods = List.of(Methods.GRADCAM, Methods.ATTENTION, Methods.EDGE);
            Map<String, float[][]> original = new java.util.LinkedHashMap<>();
            for (String name : methods) {
                try (ExplanationMethod e = Methods.create(name, m, null, MethodOptions.defaults())) {
                    original.put(name, e.explain(x, 1, SIZE, SIZE, t));
                }
            }
            Map<String, SanityChecks.Result> r = SanityChecks.run(() -> DiagnosisModel.load(dir), null, methods,
                    MethodOptions.defaults(), x, 1, SIZE, SIZE, t, original, SanityConfig.defaults(), () -> { });
            assertFalse(r.get(Methods.GRADCAM).failed(), "gradcam " + r.get(Methods.GRADCAM));
            assertFalse(r.get(Methods.ATTENTION).failed(), "attention " + r.get(Methods.ATTENTION));
            assertTrue(r.get(Methods.EDGE).failed());
            assertEquals("cascade:head", r.get(Methods.EDGE).failsFrom());
            assertEquals(WeightRandomiser.GROUPS.size(), r.get(Methods.GRADCAM).independent().size());
        }
    }

    private static int[] predicted(ModelRunner runner, float[][] x) {
        float[][] p = runner.predict(x, 1, SIZE, SIZE).probabilities();
        int[] t = new int[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = p[i][1] > p[i][0] ? 1 : 0;
        }
        return t;
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }
}
