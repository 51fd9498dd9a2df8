package attndx.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import java.util.Optional;

/**
 * libtorch's oneDNN inference kernels that DJL 0.36 has no operator for: convolutions on oneDNN's blocked
 * ("mkldnn") tensor format with weights reordered into that format once ({@link #pack}), ReLU and the
 * residual sum in place on blocked maps. DJL's convolution takes NCHW or channels-last maps, so every call
 * reorders the weights, and the maps between layers live in a layout oneDNN converts on the way in and out;
 * keeping a whole backbone in the blocked format removes that work (the path PyTorch's own
 * {@code torch.jit.optimize_for_inference} takes). Measured on the 2-core AVX-512 CPU: predictions of a
 * ResNet-18 at 28x28, batch 64, 4.4% faster (median of 11 alternating rounds, 1.7-8.8%; README, Performance).
 *
 * <p>The same kernels compute in bfloat16 when the maps and packed weights are cast to it
 * ({@link InferenceKernels#ONEDNN_BF16}); {@link #toDense} always returns float32.
 *
 * <p>The operators are reached through a {@link ScriptedKernels} module ({@code onednn_kernels.py} beside
 * this class), loaded once per process. CPU only; {@link #forDevice} is empty elsewhere or
 * when the module cannot be loaded ({@link #status} says why). Blocked tensors are opaque: only these
 * methods and {@link NDArray#getShape} may touch them. Results belong to the first input's manager.
 */
final class OneDnnKernels {
    private static final ScriptedKernels.Loaded<OneDnnKernels> LOADED = ScriptedKernels.load(OneDnnKernels.class,
            "onednn_kernels.py", OneDnnKernels::new, OneDnnKernels::selfTest);

    private final ScriptedKernels module;
    private final boolean bf16Supported;

    private OneDnnKernels(ScriptedKernels module) {
        this.module = module;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            this.bf16Supported = module.call("bf16_supported", m.create(0f)).getFloat(0) == 1f;
        }
    }

    /** Whether oneDNN computes in bfloat16 here (natively or emulated on AVX-512); else bf16 is refused. */
    boolean bf16Supported() {
        return bf16Supported;
    }

    /** The kernels for arrays on {@code device}: present for the CPU when the module loaded. */
    static Optional<OneDnnKernels> forDevice(Device device) {
        return Device.Type.CPU.equals(device.getDeviceType()) ? LOADED.get() : Optional.empty();
    }

    /** "on", or "off: " and why the module is not available in this process. */
    static String status() {
        return LOADED.status();
    }

    /** A 3x3 all-ones convolution of an all-ones 3x3 map with padding 1: 4 in the corners, 9 in the centre. */
    private void selfTest() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = pack(m.ones(new Shape(1, 1, 3, 3)), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1, false);
            NDArray y = toDense(conv(toBlocked(m.ones(new Shape(1, 1, 3, 3)), false), w, m.zeros(new Shape(1)),
                    new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1, true));
            float[] v = y.toFloatArray();
            if (v.length != 9 || v[0] != 4f || v[4] != 9f) {
                throw new IllegalStateException("blocked convolution self-test gave wrong values");
            }
        }
    }

    /** {@code x} (float32, 4-D) in the blocked format, converted to bfloat16 first if {@code bf16}. */
    NDArray toBlocked(NDArray x, boolean bf16) {
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("blocked kernels take float32 maps, got " + x.getDataType());
        }
        return call("to_blocked", x, IValue.from((PtNDArray) x), IValue.from(bf16));
    }

    /** {@code x} as bfloat16 if {@code bf16}, else itself: a bias for {@link #conv} on bfloat16 maps. */
    NDArray cast(NDArray x, boolean bf16) {
        return bf16 ? call("cast", x, IValue.from((PtNDArray) x), IValue.from(true)) : x;
    }

    /** A blocked map back as an ordinary (NCHW) float32 array. */
    NDArray toDense(NDArray x) {
        return call("to_dense", x, IValue.from((PtNDArray) x));
    }

    /**
     * The O x I x kH x kW weight of a convolution with these settings, reordered once for blocked maps (as
     * bfloat16 if {@code bf16}).
     */
    NDArray pack(NDArray weight, Shape stride, Shape padding, Shape dilation, int groups, boolean bf16) {
        return call("pack", weight, IValue.from((PtNDArray) weight), list(padding), list(stride), list(dilation),
                IValue.from((long) groups), IValue.from(bf16));
    }

    /**
     * The convolution of blocked {@code x} with a {@link #pack packed} weight and a bias of the same type
     * ({@link #cast}); then ReLU if asked. Ordinary float32 maps with an ordinary O x I x kH x kW weight work
     * too (oneDNN reorders them on each call) and give an ordinary result.
     */
    NDArray conv(NDArray x, NDArray packed, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups,
            boolean relu) {
        return call("conv", x, IValue.from((PtNDArray) x), IValue.from((PtNDArray) packed),
                IValue.from((PtNDArray) bias), list(padding), list(stride), list(dilation), IValue.from((long) groups),
                IValue.from(relu));
    }

    /** {@code relu(a + b)} of two blocked or two ordinary maps, in {@code a}'s storage (a must be a temporary). */
    NDArray addRelu(NDArray a, NDArray b) {
        return call("add_relu", a, IValue.from((PtNDArray) a), IValue.from((PtNDArray) b));
    }

    private static IValue list(Shape s) {
        return IValue.listFrom(s.getShape());
    }

    private NDArray call(String method, NDArray owner, IValue... inputs) {
        return module.call(method, owner, inputs);
    }
}
