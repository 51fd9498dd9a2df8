package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import attndx.core.Engines;
import org.junit.jupiter.api.Test;

/**
 * The stem's convolution as shifted copies: the values of libtorch's convolution for both stems, and an input
 * gradient equal to the arithmetic for every image of a batch (libtorch's own was not, on one CPU).
 */
class ShiftedStemConvolutionTest {
    static {
        Engines.configure();
    }

    @Test
    void equalsTheConvolutionForBothStems() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            // small-input stem (3x3, stride 1) on one channel; standard stem (7x7, stride 2) on three, odd size
            int[][] cases = {{1, 3, 1, 1, 12}, {3, 7, 2, 3, 13}};
            for (int[] c : cases) {
                NDArray x = m.randomNormal(new Shape(2, c[0], c[4], c[4]));
                NDArray w = m.randomNormal(new Shape(5, c[0], c[1], c[1]));
                NDArray want = Conv2d.conv2d(x, w, null, new Shape(c[2], c[2]), new Shape(c[3], c[3]),
                        new Shape(1, 1), 1).singletonOrThrow();
                NDArray got = ShiftedStemConvolution.convolve(x, w, c[2], c[3]);
                assertArrayEquals(want.getShape().getShape(), got.getShape().getShape());
                assertArrayEquals(want.toFloatArray(), got.toFloatArray(), 1e-4f);
            }
        }
    }

    @Test
    void itsInputGradientIsTheArithmeticsForEveryImage() {
        int b = 32;
        int side = 16;
        int filters = 8;
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            NDArray x = m.randomNormal(new Shape(b, 1, side, side));
            NDArray w = m.randomNormal(new Shape(filters, 1, 3, 3));
            NDArray g = m.randomNormal(new Shape(b, filters, side, side));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(ShiftedStemConvolution.convolve(x.mul(m.ones(new Shape(1))), w, 1, 1).mul(g).sum());
            }
            float[] wf = w.toFloatArray();
            float[] gf = g.toFloatArray();
            float[] want = new float[b * side * side];
            for (int i = 0; i < b; i++) {
                for (int y = 0; y < side; y++) {
                    for (int xx = 0; xx < side; xx++) {
                        double s = 0;
                        for (int f = 0; f < filters; f++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int oy = y - ky + 1;
                                    int ox = xx - kx + 1;
                                    if (oy >= 0 && ox >= 0 && oy < side && ox < side) {
                                        s += wf[f * 9 + ky * 3 + kx] * gf[((i * filters + f) * side + oy) * side + ox];
                                    }
                                }
                            }
                        }
                        want[(i * side + y) * side + xx] = (float) s;
                    }
                }
            }
            assertArrayEquals(want, x.getGradient().toFloatArray(), 1e-4f);
        }
    }
}
