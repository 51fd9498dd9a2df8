package attndx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked oneDNN kernels against DJL's operators and hand-computed values. */
class OneDnnKernelsTest {
    /** Called directly, the kernels must not run where the probe refused them: they could kill the JVM. */
    @BeforeEach
    void onlyWhereAdmitted() {
        KernelAssumptions.assumeRuns(KernelComponent.BLOCKED);
    }
    private static OneDnnKernels kernels() {
        return OneDnnKernels.forDevice(Device.cpu())
                .orElseThrow(() -> new AssertionError("blocked kernels: " + OneDnnKernels.status()));
    }

    @ParameterizedTest
    @CsvSource({"3,1,1,1,1,false,false", "3,2,1,1,1,true,false", "1,2,0,1,1,false,false", "3,1,2,2,1,true,false",
        "3,1,1,1,2,false,false", "3,1,1,1,1,true,true", "1,2,0,1,1,false,true"})
    void packedConvolutionEqualsDjlsConvolution(int k, int stride, int pad, int dilation, int groups, boolean relu,
            boolean bf16) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            m.getEngine().setRandomSeed(7);
            NDArray x = m.randomNormal(new Shape(2, 4, 9, 7));
            NDArray w = m.randomNormal(new Shape(6, 4 / groups, k, k));
            NDArray b = m.randomNormal(new Shape(6));
            Shape s = new Shape(stride, stride);
            Shape p = new Shape(pad, pad);
            Shape d = new Shape(dilation, dilation);
            NDArray expected = Conv2d.conv2d(x, w, b, s, p, d, groups).singletonOrThrow();
            if (relu) {
                expected = Activation.relu(expected);
            }
            OneDnnKernels kn = kernels();
            NDArray packed = kn.pack(w, s, p, d, groups, bf16);
            NDArray y = kn.toDense(kn.conv(kn.toBlocked(x, bf16), packed, kn.cast(b, bf16), s, p, d, groups, relu));
            assertEquals(expected.getShape(), y.getShape());
            assertEquals(DataType.FLOAT32, y.getDataType());
            float[] e = expected.toFloatArray();
            float[] a = y.toFloatArray();
            // bfloat16 keeps 8 mantissa bits: each product is off by up to 2^-8 relative, sums of 36 terms
            // of unit scale by a few hundredths
            float tol = bf16 ? 5e-2f : 1e-4f;
            for (int i = 0; i < e.length; i++) {
                assertTrue(Math.abs(e[i] - a[i]) <= tol * Math.max(1f, Math.abs(e[i])), i + ": " + e[i] + " vs " + a[i]);
            }
        }
    }

    @Test
    void addReluSumsAndClampsAndRoundTripsTheLayout() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            OneDnnKernels kn = kernels();
            NDArray a = m.create(new float[] {1, -2, 3, -4, 0.5f, 6, -7, 8}, new Shape(1, 2, 2, 2));
            NDArray b = m.create(new float[] {-2, 1, 1, 5, 0.25f, -6, 10, -9}, new Shape(1, 2, 2, 2));
            NDArray y = kn.toDense(kn.addRelu(kn.toBlocked(a, false), kn.toBlocked(b, false)));
            assertArrayEquals(new float[] {0, 0, 4, 1, 0.75f, 0, 3, 0}, y.toFloatArray());
            assertArrayEquals(a.toFloatArray(), kn.toDense(kn.toBlocked(a, false)).toFloatArray());
            // these values are exact in bfloat16
            assertArrayEquals(a.toFloatArray(), kn.toDense(kn.toBlocked(a, true)).toFloatArray());
        }
    }

    @Test
    void rejectsMapsThatAreNotFloat32() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray half = m.ones(new Shape(1, 1, 2, 2), DataType.FLOAT16);
            assertThrows(IllegalArgumentException.class, () -> kernels().toBlocked(half, false));
        }
    }
}
