package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pi(T(A)) = A away from borders, with T applied to an image whose attention-grid content is A. */
class InverseMapTest {

    /** Repeats each attention pixel stride x stride times: an image whose block averages are A. */
    private static NDArray upsample(NDArray a, int stride) {
        return a.repeat(2, stride).repeat(3, stride);
    }

    /** Block-average down to the attention grid: T(A) at attention resolution. */
    private static NDArray downsample(NDArray x, int stride) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] / stride, stride, s[3] / stride, stride)
                .mean(new int[] {5}).mean(new int[] {3});
    }

    private static float[] roundTrip(Perturbation t, NDArray image, int stride, float[] validOut, long seed) {
        PerturbedBatch p = t.apply(image, new Random(seed));
        WarpResult back = p.inverse().toReference(downsample(p.images(), stride));
        System.arraycopy(back.valid().toFloatArray(), 0, validOut, 0, validOut.length);
        return back.values().toFloatArray();
    }

    @Test
    void translationAndFlipAreExactOnValidPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            int stride = 4;
            NDArray a = m.randomUniform(0f, 1f, new Shape(3, 2, 6, 6));
            float[] expected = a.toFloatArray();
            NDArray image = upsample(a, stride);
            for (Perturbation t : new Perturbation[] {Perturbations.translation(8, stride), Perturbations.horizontalFlip()}) {
                float[] valid = new float[3 * 36];
                float[] got = roundTrip(t, image, stride, valid, 7);
                int checked = 0;
                for (int i = 0; i < got.length; i++) {
                    int pixel = (i / 72) * 36 + i % 36;
                    if (valid[pixel] == 1f) {
                        assertEquals(expected[i], got[i], 1e-6, t.name() + " at " + i);
                        checked++;
                    }
                }
                assertTrue(checked > got.length / 4, t.name() + " left too few valid pixels: " + checked);
            }
        }
    }

    @Test
    void rotationAndResizeAreCloseOnSmoothMapsAwayFromBorders() {
        try (NDManager m = NDManager.newBaseManager()) {
            int stride = 4;
            int h = 16;
            int big = h * stride;
            float[] fine = new float[big * big];
            for (int y = 0; y < big; y++) {
                for (int x = 0; x < big; x++) {
                    double u = (y + 0.5) / stride - 0.5;
                    double v = (x + 0.5) / stride - 0.5;
                    fine[y * big + x] = (float) (0.5 + 0.3 * Math.sin(u / 4) * Math.cos(v / 5));
                }
            }
            NDArray image = m.create(fine, new Shape(1, 1, big, big));
            float[] expected = downsample(image, stride).toFloatArray();
            for (Perturbation t : new Perturbation[] {Perturbations.rotation(10), Perturbations.resize(0.1)}) {
                float[] valid = new float[h * h];
                float[] got = roundTrip(t, image, stride, valid, 3);
                for (int y = 2; y < h - 2; y++) {
                    for (int x = 2; x < h - 2; x++) {
                        assertEquals(1f, valid[y * h + x], t.name());
                        assertEquals(expected[y * h + x], got[y * h + x], 0.01, t.name() + " at " + y + "," + x);
                    }
                }
            }
        }
    }

    @Test
    void photometricPerturbationsKeepGeometry() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray image = m.randomUniform(0f, 1f, new Shape(2, 1, 8, 8));
            NDArray attention = m.randomUniform(0f, 1f, new Shape(2, 1, 4, 4));
            for (Perturbation t : new Perturbation[] {Perturbations.contrast(0.2), Perturbations.gamma(0.2),
                    Perturbations.noise(0.05), Perturbations.occlusion(0.25)}) {
                PerturbedBatch p = t.apply(image, new Random(1));
                WarpResult back = p.inverse().toReference(attention);
                assertArrayEquals(attention.toFloatArray(), back.values().toFloatArray(), t.name());
                assertEquals(32f, back.valid().sum().getFloat(), t.name());
            }
        }
    }

    @Test
    void validityMaskOnHandExample() {
        try (NDManager m = NDManager.newBaseManager()) {
            // image 6x6 shifted right by 2 px = 1 attention pixel on a 3x3 grid: Pi reads column x+1
            AffineInverseMap pi = new AffineInverseMap(new Affine2D[] {Affine2D.translation(0, 2)}, 6, 6);
            NDArray perturbed = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            WarpResult back = pi.toReference(perturbed);
            assertArrayEquals(new float[] {2, 3, 0, 5, 6, 0, 8, 9, 0}, back.values().toFloatArray());
            assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0, 1, 1, 0}, back.valid().toFloatArray());
        }
    }

    @Test
    void affineAlgebra() {
        Affine2D r = Affine2D.rotation(7, 10, 12).then(Affine2D.translation(1, -2));
        double[] p = r.then(r.inverse()).apply(3, 4);
        assertEquals(3, p[0], 1e-12);
        assertEquals(4, p[1], 1e-12);
        assertEquals(Affine2D.translation(2, -1), Affine2D.translation(8, -4).rescaled(32, 32, 8, 8));
        double[] f = Affine2D.horizontalFlip(32).rescaled(32, 32, 8, 8).apply(0, 0);
        assertArrayEquals(new double[] {0, 7}, f, 1e-12);
    }
}
