package attndx.kernels;

import attndx.model.NetworkFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The convolutions on ordinary maps of one-thread forwards: Winograd where it is faster, libtorch's own
 * elsewhere, both against DJL's convolution.
 */
class DenseKernelsTest {
    /** Called directly, the kernels must not run where the probe refused them: they could kill the JVM. */
    @BeforeEach
    void onlyWhereAdmitted() {
        KernelAssumptions.assumeRuns(KernelComponent.BLOCKED);
        KernelAssumptions.assumeRuns(KernelComponent.WINOGRAD);
    }
    @ParameterizedTest
    @CsvSource({
        "64, 14, 1, 1, false", // Winograd
        "64, 28, 1, 1, true", // Winograd with ReLU
        "128, 16, 1, 0, false", // Winograd without padding
        "32, 14, 1, 1, true", // too few channels: direct
        "64, 8, 1, 1, false", // too small a map: direct
        "64, 14, 2, 1, true"}) // strided: direct
    void convolutionsMatchDjlsWithinRounding(int channels, int side, int stride, int padding, boolean relu) {
        inOneThreadWorker(dense -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray x = m.randomUniform(-1f, 1f, new Shape(3, channels, side, side));
                NDArray w = m.randomUniform(-1f, 1f, new Shape(24, channels, 3, 3)).div(Math.sqrt(9.0 * channels));
                NDArray b = m.randomUniform(-0.5f, 0.5f, new Shape(24));
                Shape s = new Shape(stride, stride);
                Shape p = new Shape(padding, padding);
                NDArray expected = Conv2d.conv2d(x, w, b, s, p, new Shape(1, 1), 1).singletonOrThrow();
                if (relu) {
                    expected = Activation.relu(expected);
                }
                NDArray actual = dense.conv(x, w, b, s, p, new Shape(1, 1), 1, relu);
                assertEquals(expected.getShape(), actual.getShape());
                NetworkFixtures.assertClose(expected.toFloatArray(), actual.toFloatArray(),
                        channels + " channels at " + side + "x" + side);
            }
        });
    }

    @Test
    void theResidualSumIsComputedInPlaceWithReLU() {
        inOneThreadWorker(dense -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray a = m.create(new float[] {1f, -3f, 2f, -0.5f}, new Shape(1, 1, 2, 2));
                NDArray b = m.create(new float[] {1f, 1f, -4f, 1f}, new Shape(1, 1, 2, 2));
                NDArray sum = dense.addRelu(a, b);
                assertEquals(List.of(2f, 0f, 0f, 0.5f), boxed(sum.toFloatArray()));
                assertEquals(List.of(2f, 0f, 0f, 0.5f), boxed(a.toFloatArray()), "written into a");
            }
        });
    }

    @Test
    void onlyAOneThreadThreadIsOffered() {
        assumeTrue(InferenceWorkers.intraOpThreads() > 1, "this thread has one intra-op thread");
        assertTrue(DenseKernels.forCurrentThread(Device.cpu()).isEmpty());
        assertTrue(DenseKernels.forCurrentThread(Device.gpu()).isEmpty());
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    /** Runs {@code test} with the kernels in a one-thread worker; skipped where NNPACK does not run. */
    private static void inOneThreadWorker(Consumer<DenseKernels> test) {
        String status = DenseKernels.status();
        assumeTrue(status.equals("on"), "Winograd kernels " + status);
        try (InferenceWorkers worker = new InferenceWorkers(1)) {
            worker.runAll(List.of(() -> test.accept(DenseKernels.forCurrentThread(Device.cpu()).orElseThrow())));
        }
    }
}
