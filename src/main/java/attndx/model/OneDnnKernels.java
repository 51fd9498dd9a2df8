package attndx.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * libtorch's oneDNN inference kernels that DJL 0.36 has no operator for: convolutions on oneDNN's blocked
 * ("mkldnn") tensor format with weights reordered into that format once ({@link #pack}), ReLU and the
 * residual sum in place on blocked maps. DJL's convolution takes NCHW or channels-last maps, so every call
 * reorders the weights, and the maps between layers live in a layout oneDNN converts on the way in and out;
 * keeping a whole backbone in the blocked format removes that work (the path PyTorch's own
 * {@code torch.jit.optimize_for_inference} takes). Measured on the 2-core AVX-512 CPU: a folded
 * ResNet-18 forward at 28x28, batch 64, about 10% faster (README, Performance).
 *
 * <p>The operators are reached through a TorchScript module compiled by libtorch from source
 * ({@code onednn_kernels.py} beside this class), loaded once per process through DJL's module loader, so
 * no Python and no native code of our own are needed. CPU only; {@link #forDevice} is empty elsewhere or
 * when the module cannot be loaded ({@link #status} says why). Blocked tensors are opaque: only these
 * methods and {@link NDArray#getShape} may touch them. Results belong to the first input's manager.
 */
final class OneDnnKernels {
    private static final String SOURCE = "onednn_kernels.py";
    /** Pickle of an instance of {@code __torch__.Kernels} with {@code training = False}, the module's state. */
    private static final byte[] MODULE_PICKLE = bytes(0x80, 0x02, 'c', '_', '_', 't', 'o', 'r', 'c', 'h', '_', '_',
            '\n', 'K', 'e', 'r', 'n', 'e', 'l', 's', '\n', 'q', 0x00, ')', 0x81, '}', '(', 'X', 0x08, 0x00, 0x00, 0x00,
            't', 'r', 'a', 'i', 'n', 'i', 'n', 'g', 'q', 0x01, 0x89, 'u', 'b', 'q', 0x02, '.');
    /** Pickle of an empty tuple: the module has no constants. */
    private static final byte[] EMPTY_CONSTANTS = bytes(0x80, 0x02, ')', '.');

    private static final Loaded LOADED = load();

    private final PtSymbolBlock module;

    private OneDnnKernels(PtSymbolBlock module) {
        this.module = module;
    }

    private record Loaded(OneDnnKernels kernels, String status) {}

    /** The kernels for arrays on {@code device}: present for the CPU when the module loaded. */
    static Optional<OneDnnKernels> forDevice(Device device) {
        return Device.Type.CPU.equals(device.getDeviceType()) ? Optional.ofNullable(LOADED.kernels)
                : Optional.empty();
    }

    /** "on", or "off: " and why the module is not available in this process. */
    static String status() {
        return LOADED.status;
    }

    private static Loaded load() {
        if (!"PyTorch".equals(Engine.getDefaultEngineName())) {
            return new Loaded(null, "off: engine " + Engine.getDefaultEngineName() + " is not PyTorch");
        }
        try {
            // A process-wide manager: the module lives as long as the process, like the engine.
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu());
            PtSymbolBlock module = JniUtils.loadModule(manager, new ByteArrayInputStream(archive()), false, false);
            OneDnnKernels kernels = new OneDnnKernels(module);
            kernels.selfTest(manager);
            return new Loaded(kernels, "on");
        } catch (EngineException | IllegalStateException | IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new Loaded(null, "off: " + why);
        }
    }

    /** A 3x3 all-ones convolution of an all-ones 3x3 map with padding 1: 4 in the corners, 9 in the centre. */
    private void selfTest(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            NDArray w = pack(m.ones(new Shape(1, 1, 3, 3)), new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1);
            NDArray y = toDense(conv(toBlocked(m.ones(new Shape(1, 1, 3, 3))), w, m.zeros(new Shape(1)),
                    new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1, true));
            float[] v = y.toFloatArray();
            if (v.length != 9 || v[0] != 4f || v[4] != 9f) {
                throw new IllegalStateException("blocked convolution self-test gave wrong values");
            }
        }
    }

    /** The TorchScript archive (the layout {@code torch.jit.save} writes) holding the kernel module. */
    private static byte[] archive() {
        try (InputStream in = OneDnnKernels.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SOURCE + " missing from the jar");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                store(zip, "kernels/data.pkl", MODULE_PICKLE);
                store(zip, "kernels/code/__torch__.py", in.readAllBytes());
                store(zip, "kernels/constants.pkl", EMPTY_CONSTANTS);
                store(zip, "kernels/version", new byte[] {'3', '\n'});
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** libtorch's archive reader expects uncompressed entries. */
    private static void store(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code x} (float32, 4-D) in the blocked format. */
    NDArray toBlocked(NDArray x) {
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("blocked kernels take float32 maps, got " + x.getDataType());
        }
        return call("to_blocked", x, IValue.from((PtNDArray) x));
    }

    /** A blocked map back as an ordinary (NCHW) array. */
    NDArray toDense(NDArray x) {
        return call("to_dense", x, IValue.from((PtNDArray) x));
    }

    /** The O x I x kH x kW weight of a convolution with these settings, reordered once for blocked maps. */
    NDArray pack(NDArray weight, Shape stride, Shape padding, Shape dilation, int groups) {
        return call("pack", weight, IValue.from((PtNDArray) weight), list(padding), list(stride), list(dilation),
                IValue.from((long) groups));
    }

    /** The convolution of blocked {@code x} with a {@link #pack packed} weight and a bias; then ReLU if asked. */
    NDArray conv(NDArray x, NDArray packed, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups,
            boolean relu) {
        return call("conv", x, IValue.from((PtNDArray) x), IValue.from((PtNDArray) packed),
                IValue.from((PtNDArray) bias), list(padding), list(stride), list(dilation), IValue.from((long) groups),
                IValue.from(relu));
    }

    /** {@code relu(a + b)} of two blocked maps, computed in {@code a}'s storage (a must be a temporary). */
    NDArray addRelu(NDArray a, NDArray b) {
        return call("add_relu", a, IValue.from((PtNDArray) a), IValue.from((PtNDArray) b));
    }

    private static IValue list(Shape s) {
        return IValue.listFrom(s.getShape());
    }

    private NDArray call(String method, NDArray owner, IValue... inputs) {
        try (IValue result = IValueUtils.runMethod(module, method, inputs)) {
            return result.toTensor((PtNDManager) owner.getManager());
        } finally {
            for (IValue v : inputs) {
                v.close();
            }
        }
    }
}
