package attndx.train;

import attndx.kernels.KernelAssumptions;
import attndx.kernels.KernelComponent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import attndx.core.Engines;
import attndx.core.Provenance;
import attndx.model.DiagnosisModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adam with decoupled weight decay on the backbone only, checked against hand-computed updates. */
class AdamOptimizerTest {
    private static final float LR = 0.1f;
    private static final float WD = 0.5f;

    static {
        Engines.configure();
    }

    @TempDir
    Path tmp;

    private static AdamOptimizer adam(NDManager m) {
        return new AdamOptimizer(m, LR, WD, id -> id.startsWith("backbone"));
    }

    private static float[] step(AdamOptimizer opt, NDManager m, String id, float[] weight, float[] grad) {
        NDArray w = m.create(weight);
        opt.update(id, w, m.create(grad));
        return w.toFloatArray();
    }

    @Test
    void fusedKernelGivesDjlsAdamUpdatesWithAndWithoutDecayAndRescale() {
        KernelAssumptions.assumeRuns(KernelComponent.FUSED_ADAM);
        try (NDManager m = NDManager.newBaseManager()) {
            AdamOptimizer fused = adam(m);
            assertTrue(fused.fusedKernel(), "fused Adam: " + AdamOptimizer.fusedKernelStatus());
            AdamOptimizer djl = new AdamOptimizer(m, LR, WD, id -> id.startsWith("backbone"), false);
            m.getEngine().setRandomSeed(3);
            for (String id : List.of("backbone_w", "classifier_w")) {
                NDArray start = m.randomNormal(new ai.djl.ndarray.types.Shape(5, 7));
                NDArray a = start.duplicate();
                NDArray b = start.duplicate();
                for (int t = 1; t <= 4; t++) {
                    float rescale = t == 3 ? 0.25f : 1f;
                    fused.setGradientRescale(rescale);
                    djl.setGradientRescale(rescale);
                    NDArray g = m.randomNormal(start.getShape());
                    fused.update(id, a, g.duplicate());
                    djl.update(id, b, g);
                }
                float[] x = a.toFloatArray();
                float[] y = b.toFloatArray();
                assertFalse(Arrays.equals(x, start.toFloatArray()), "the weights moved");
                assertArrayEquals(y, x, 2e-6f, id);
            }
        }
    }

    @Test
    void withZeroGradientOnlyTheBackboneDecays() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdamOptimizer opt = adam(m);
            // decoupled decay: w <- w (1 - lr wd) = w * 0.95; the Adam step itself is 0 for g = 0
            assertArrayEquals(new float[] {0.95f, -1.9f}, step(opt, m, "backbone_conv", new float[] {1, -2},
                    new float[] {0, 0}), 1e-6f);
            assertArrayEquals(new float[] {1, -2}, step(opt, m, "attention_conv", new float[] {1, -2},
                    new float[] {0, 0}), 0f);
        }
    }

    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        try (NDManager m = NDManager.newBaseManager()) {
            AdamOptimizer opt = adam(m);
            // bias-corrected m / sqrt(v) = g / |g| on the first step
            assertArrayEquals(new float[] {0.9f, -1.9f}, step(opt, m, "classifier_w", new float[] {1, -2},
                    new float[] {0.5f, -0.25f}), 1e-5f);
            assertArrayEquals(new float[] {0.95f - 0.1f, -1.9f + 0.1f}, step(opt, m, "backbone_w",
                    new float[] {1, -2}, new float[] {0.5f, -0.25f}), 1e-5f);
        }
    }

    @Test
    void savedStateContinuesExactlyAndIsNeeded() throws IOException {
        float[] g1 = {0.5f, -0.25f};
        float[] g2 = {-0.1f, 0.3f};
        Path file = tmp.resolve("adam.ndlist");
        try (NDManager m = NDManager.newBaseManager()) {
            AdamOptimizer original = adam(m);
            float[] w1 = step(original, m, "backbone_w", new float[] {1, -2}, g1);
            original.save(file, Function.identity());
            AdamOptimizer restored = adam(m);
            restored.load(file, Function.identity());
            float[] expected = step(original, m, "backbone_w", w1, g2);
            assertArrayEquals(expected, step(restored, m, "backbone_w", w1, g2), 0f);
            assertFalse(Arrays.equals(expected, step(adam(m), m, "backbone_w", w1, g2)),
                    "a fresh optimiser (no moments, step count 1) would update differently");
        }
    }

    @Test
    void theTrainerDecaysBackboneParametersOnly() {
        try (DiagnosisModel model = DiagnosisModel.create(TrainFixtures.tinyModel(), TrainFixtures.preprocessing(),
                List.of("a", "b"), Provenance.capture("model", Map.of(), "", 1), 1)) {
            Map<String, String> names = DiagnosisTrainer.parameterNames(model);
            var decays = DiagnosisTrainer.backboneOnly(model);
            List<String> decayed = names.keySet().stream().filter(decays).map(names::get).toList();
            List<String> kept = names.keySet().stream().filter(decays.negate()).map(names::get).toList();
            // DJL names children "NNname": 01backbone, 02head_s2, ..., 06classifier
            assertTrue(decayed.stream().anyMatch(n -> n.startsWith("01backbone_02stage1")), decayed.toString());
            assertTrue(decayed.stream().allMatch(n -> n.startsWith("01backbone_")), decayed.toString());
            assertTrue(kept.stream().anyMatch(n -> n.contains("classifier")), kept.toString());
            assertTrue(kept.stream().anyMatch(n -> n.contains("head_s4")), kept.toString());
            assertTrue(kept.stream().anyMatch(n -> n.contains("fusion")), kept.toString());
            assertTrue(kept.stream().noneMatch(n -> n.contains("backbone")), kept.toString());
        }
    }
}
