package attndx.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import java.util.List;
import java.util.Optional;

/**
 * Convolutions on ordinary (NCHW) float32 maps for the stages where a Winograd convolution beats oneDNN's
 * direct one: NNPACK's Winograd F(6x6, 3x3) kernel (bundled in libtorch, reached as
 * {@code _nnpack_spatial_convolution}) for 3x3 stride-1 convolutions (padding below 3) with at least
 * {@link #MIN_CHANNELS} input channels on maps of at least {@link #MIN_SIDE} x {@link #MIN_SIDE}; oneDNN's
 * convolution for the others ({@link OneDnnKernels} on ordinary maps); ReLU and the residual sum in place.
 * Measured with one thread, batch 64, on the 2-core AVX-512 CPU (GFLOP/s, NNPACK vs oneDNN blocked): 64
 * channels at 28x28 121 vs 110, 128 at 14x14 185 vs 119, 256 at 16x16 206 vs 122; below the thresholds
 * NNPACK loses (256 at 7x7 93 vs 135, 1 channel at 28x28 12 vs 78).
 * Winograd outputs differ from direct ones by float rounding of a few 1e-6 relative.
 *
 * <p>Offered only to a thread with one libtorch intra-op thread ({@link #forCurrentThread}): libtorch
 * creates NNPACK's thread pool at the first call with the calling thread's count, and a pool of more than
 * one thread keeps its workers spinning after each call, which halved the next oneDNN convolution on the
 * 2-core machine (121 vs 206 GFLOP/s). So the kernels pay off in the data-parallel runner, where each worker
 * thread has one intra-op thread ({@link InferenceWorkers}). The module is loaded, and its self-test run,
 * by the first such thread. Results belong to the first input's manager.
 */
final class DenseKernels {
    /** The smallest map side (height and width) on which the Winograd kernel runs. */
    static final int MIN_SIDE = 14;
    /** The fewest input channels for which the Winograd kernel runs. */
    static final int MIN_CHANNELS = 64;
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape THREE = new Shape(3, 3);

    private final ScriptedKernels module;
    private final OneDnnKernels onednn;

    private DenseKernels(ScriptedKernels module) {
        this.module = module;
        this.onednn = OneDnnKernels.forDevice(Device.cpu()).orElseThrow(
                () -> new IllegalStateException("oneDNN kernels " + OneDnnKernels.status()));
    }

    /** Loaded at the first use by a one-thread thread, so NNPACK's pool is created with one thread. */
    private static final class Holder {
        private static final ScriptedKernels.Loaded<DenseKernels> LOADED = ScriptedKernels.load(DenseKernels.class,
                "dense_kernels.py", DenseKernels::new, DenseKernels::selfTest);
    }

    /**
     * The kernels, for a CPU array in a thread with one intra-op thread where {@link KernelSelection} runs
     * them, the module loaded and NNPACK runs on this CPU; else empty.
     */
    static Optional<DenseKernels> forCurrentThread(Device device) {
        if (!Device.Type.CPU.equals(device.getDeviceType()) || InferenceWorkers.intraOpThreads() != 1
                || !KernelSelection.current().uses(KernelComponent.WINOGRAD)) {
            return Optional.empty();
        }
        return Holder.LOADED.get();
    }

    /**
     * "on", or "off: " and why (the reason the module did not load, or NNPACK does not run here). Loads the
     * module if no thread has yet, in a one-thread worker when the calling thread has more.
     */
    static String status() {
        if (InferenceWorkers.intraOpThreads() == 1) {
            return Holder.LOADED.status();
        }
        String[] status = new String[1];
        try (InferenceWorkers one = new InferenceWorkers(1)) {
            one.runAll(List.of(() -> status[0] = Holder.LOADED.status()));
        }
        return status[0];
    }

    /**
     * NNPACK must report itself initialised (it needs AVX2 and FMA on x86), and both paths must give a
     * hand-computed 3x3 all-ones convolution of an all-ones 64-channel 14x14 map with padding 1: 256 in the
     * corners, 576 inside.
     */
    private void selfTest() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            if (module.call("available", m.zeros(new Shape(1)), IValue.from((PtNDArray) m.zeros(new Shape(1))))
                    .getFloat(0) != 1f) {
                throw new IllegalStateException("NNPACK does not run on this CPU");
            }
            NDArray x = m.ones(new Shape(1, MIN_CHANNELS, MIN_SIDE, MIN_SIDE));
            NDArray w = m.ones(new Shape(2, MIN_CHANNELS, 3, 3));
            NDArray b = m.zeros(new Shape(2));
            for (boolean winograd : new boolean[] {true, false}) {
                float[] y = (winograd ? winograd(x, w, b, ONE, false)
                        : onednn.conv(x, w, b, ONE, ONE, ONE, 1, false)).toFloatArray();
                if (Math.abs(y[0] - 256f) > 1e-2f || Math.abs(y[MIN_SIDE + 1] - 576f) > 1e-2f) {
                    throw new IllegalStateException((winograd ? "Winograd" : "dense") + " convolution self-test gave "
                            + y[0] + " and " + y[MIN_SIDE + 1] + " instead of 256 and 576");
                }
            }
        }
    }

    /**
     * The convolution of NCHW {@code x} with an O x I x kH x kW {@code weight} and {@code bias}, then ReLU if
     * asked: on the Winograd kernel where it is faster (see the class comment), else on oneDNN's.
     */
    NDArray conv(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups,
            boolean relu) {
        Shape s = x.getShape();
        boolean winograd = groups == 1 && stride.equals(ONE) && dilation.equals(ONE)
                && weight.getShape().slice(2).equals(THREE) && padding.get(0) < 3 && padding.get(1) < 3
                && s.get(1) >= MIN_CHANNELS && s.get(2) >= MIN_SIDE
                && s.get(3) >= MIN_SIDE;
        return winograd ? winograd(x, weight, bias, padding, relu)
                : onednn.conv(x, weight, bias, stride, padding, dilation, groups, relu);
    }

    private NDArray winograd(NDArray x, NDArray weight, NDArray bias, Shape padding, boolean relu) {
        return module.call("winograd", x, IValue.from((PtNDArray) x), IValue.from((PtNDArray) weight),
                IValue.from((PtNDArray) bias), IValue.listFrom(padding.getShape()), IValue.from(relu));
    }

    /** {@code relu(a + b)}, computed in {@code a}'s storage (a must be a temporary). */
    NDArray addRelu(NDArray a, NDArray b) {
        return onednn.addRelu(a, b);
    }
}
