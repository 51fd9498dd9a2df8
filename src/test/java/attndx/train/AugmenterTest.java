package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.core.AttndxException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    @Test
    void fixedSeedIsDeterministic() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.randomUniform(0f, 1f, new Shape(3, 1, 20, 20));
            Augmenter aug = new Augmenter(AugmentConfig.defaults(11));
            float[] a = aug.augment(images, null, 0, 4).images().toFloatArray();
            assertArrayEquals(a, new Augmenter(AugmentConfig.defaults(11)).augment(images, null, 0, 4).images().toFloatArray());
            assertFalse(Arrays.equals(a, aug.augment(images, null, 0, 5).images().toFloatArray()));
            assertFalse(Arrays.equals(a, new Augmenter(AugmentConfig.defaults(12)).augment(images, null, 0, 4)
                    .images().toFloatArray()));
        }
    }

    @Test
    void brightnessStaysWithinItsRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.full(new Shape(8, 1, 6, 6), 0.5f);
            Augmenter aug = new Augmenter(new AugmentConfig(10, 0.8, false, 0.1, 0, 0, 3));
            float[] out = aug.augment(images, null, 1, 1).images().toFloatArray();
            for (int b = 0; b < 8; b++) {
                for (int i = 0; i < 36; i++) {
                    float v = out[b * 36 + i];
                    // geometry of a constant image (fill = mean) stays constant; only the shift moves it
                    assertEquals(out[b * 36], v, 1e-5);
                    assertTrue(v >= 0.4f - 1e-6 && v <= 0.6f + 1e-6, "value " + v);
                }
            }
        }
    }

    @Test
    void neutralConfigIsTheIdentityAndMasksFollowTheGeometry() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.randomUniform(0f, 1f, new Shape(4, 1, 8, 8));
            NDArray masks = images.duplicate();
            Augmenter.Augmented same = new Augmenter(new AugmentConfig(0, 1, false, 0, 0, 0, 1))
                    .augment(images, masks, 0, 0);
            assertArrayEquals(images.toFloatArray(), same.images().toFloatArray(), 1e-6f);
            Augmenter.Augmented flipped = new Augmenter(new AugmentConfig(0, 1, true, 0, 0, 0, 1))
                    .augment(images, masks, 0, 0);
            assertArrayEquals(flipped.images().toFloatArray(), flipped.masks().toFloatArray(), 1e-6f);
            assertNull(new Augmenter(AugmentConfig.defaults(1)).augment(images, null, 0, 0).masks());
        }
    }

    @Test
    void stainJitterWithZeroStrengthIsTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray rgb = m.randomUniform(0.05f, 1f, new Shape(2, 3, 4, 4));
            assertArrayEquals(rgb.toFloatArray(), StainJitter.apply(rgb, 0, new Random(1)).toFloatArray(), 1e-4f);
            float[] jittered = StainJitter.apply(rgb, 0.05, new Random(1)).toFloatArray();
            assertFalse(Arrays.equals(rgb.toFloatArray(), jittered));
            assertThrows(AttndxException.class, () -> new Augmenter(new AugmentConfig(0, 1, false, 0, 0, 0.05, 1))
                    .augment(m.zeros(new Shape(1, 1, 4, 4)), null, 0, 0));
        }
    }

    @Test
    void configRejectsOutOfRangeValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AugmentConfig(10, 0.3, false, 0.1, 0.1, 0, 1));
        assertTrue(e.getMessage().contains("augment.cropScaleMin") && e.getMessage().contains("0.3"), e.getMessage());
    }
}
