package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerturbationSetTest {

    @Test
    void sameBatchSameDrawDifferentBatchDifferentDraw() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.randomUniform(0f, 1f, new Shape(4, 1, 16, 16));
            PerturbationSet set = new PerturbationSet(PerturbationConfig.defaults(4, 42));
            assertEquals(List.of("rotation", "translation", "flip", "resize", "contrast", "gamma", "noise", "occlusion"),
                    set.names());
            for (int batch = 0; batch < 5; batch++) {
                PerturbedBatch a = set.perturb(images, 3, batch);
                PerturbedBatch b = set.perturb(images, 3, batch);
                assertEquals(a.perturbation(), b.perturbation());
                assertArrayEquals(a.images().toFloatArray(), b.images().toFloatArray());
                float[] v = a.images().toFloatArray();
                for (float x : v) {
                    assertTrue(x >= 0 && x <= 1, a.perturbation() + " left [0,1]: " + x);
                }
            }
            boolean differs = false;
            for (int batch = 1; batch < 5 && !differs; batch++) {
                differs = !Arrays.equals(set.perturb(images, 3, 0).images().toFloatArray(),
                        set.perturb(images, 3, batch).images().toFloatArray());
            }
            assertTrue(differs);
        }
    }

    @Test
    void occlusionChangesOneSquarePerSampleToTheMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] data = new float[2 * 10 * 10];
            for (int i = 0; i < data.length; i++) {
                data[i] = i % 2;
            }
            NDArray images = m.create(data, new Shape(2, 1, 10, 10));
            float[] out = Perturbations.occlusion(0.4).apply(images, new Random(5)).images().toFloatArray();
            for (int b = 0; b < 2; b++) {
                int changed = 0;
                for (int i = b * 100; i < b * 100 + 100; i++) {
                    if (out[i] != data[i]) {
                        assertEquals(0.5f, out[i], 1e-6);
                        changed++;
                    }
                }
                // side in [2, 4]; every pixel of the square differs from the mean 0.5
                assertTrue(changed == 4 || changed == 9 || changed == 16, "changed " + changed);
            }
        }
    }

    @Test
    void translationShiftsAreMultiplesOfTheStride() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.zeros(new Shape(6, 1, 13, 13));
            images.set(new ai.djl.ndarray.index.NDIndex(":, :, 6, 6"), 1f);
            float[] out = Perturbations.translation(6, 3).apply(images, new Random(9)).images().toFloatArray();
            for (int b = 0; b < 6; b++) {
                int at = -1;
                for (int i = 0; i < 169; i++) {
                    if (out[b * 169 + i] > 0.5f) {
                        at = i;
                    }
                }
                assertTrue(at >= 0, "a centred spot stays inside a 13 px frame under shifts of at most 6 px");
                assertEquals(0, Math.floorMod(at / 13 - 6, 3));
                assertEquals(0, Math.floorMod(at % 13 - 6, 3));
            }
        }
    }

    @Test
    void configRejectsOutOfRangeValuesAndEmptySets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerturbationConfig(45, 0, 1, false, 0, 0, 0, 0, 0, 1));
        assertTrue(e.getMessage().contains("rotationDegrees") && e.getMessage().contains("45"));
        assertThrows(IllegalArgumentException.class, () -> new PerturbationConfig(0, 2, 4, false, 0, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PerturbationConfig(0, 0, 1, false, 0, 0, 0, 0, 0, 1));
        assertFalse(new PerturbationSet(new PerturbationConfig(0, 0, 1, false, 0, 0, 0, 0.1, 0, 1)).names().isEmpty());
    }
}
