package attndx.kernels;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * libtorch operators DJL 0.36 has no Java method for, reached through a TorchScript module that libtorch
 * compiles from source at load time: the source (methods of a class {@code Kernels}, indented by two
 * spaces, in the serialized-code dialect {@code torch.jit.save} writes, e.g.
 * {@code torch.mkldnn_convolution(...)}, {@code ops.mkldnn.x(...)}) is a resource beside the using class,
 * packed here into the archive layout {@code torch.jit.save} writes and loaded through DJL's module loader.
 * No Python and no native code of our own are involved.
 *
 * <p>One caution from writing such modules: the TorchScript compiler drops an in-place operator on a list
 * of tensors built in the method (e.g. {@code torch._foreach_zero_([g])}) when nothing reads that list
 * afterwards; return the list's elements to keep it.
 */
public final class ScriptedKernels {
    /** Pickle of an instance of {@code __torch__.Kernels} with {@code training = False}, the module's state. */
    private static final byte[] MODULE_PICKLE = bytes(0x80, 0x02, 'c', '_', '_', 't', 'o', 'r', 'c', 'h', '_', '_',
            '\n', 'K', 'e', 'r', 'n', 'e', 'l', 's', '\n', 'q', 0x00, ')', 0x81, '}', '(', 'X', 0x08, 0x00, 0x00, 0x00,
            't', 'r', 'a', 'i', 'n', 'i', 'n', 'g', 'q', 0x01, 0x89, 'u', 'b', 'q', 0x02, '.');
    /**
     * The class the pickle above instantiates, up to its methods: no parameters or buffers, and the
     * {@code forward} every module must have.
     */
    private static final byte[] CLASS_HEADER = String.join("\n", "class Kernels(Module):", "  __parameters__ = []",
            "  __buffers__ = []", "  training : bool", "  def forward(self: __torch__.Kernels,", "    x: Tensor) -> Tensor:",
            "    return x", "").getBytes(StandardCharsets.UTF_8);
    /** Pickle of an empty tuple: the module has no constants. */
    private static final byte[] EMPTY_CONSTANTS = bytes(0x80, 0x02, ')', '.');

    private final PtSymbolBlock module;

    private ScriptedKernels(PtSymbolBlock module) {
        this.module = module;
    }

    /** A wrapper around a loaded module, or none: {@code status} is "on", or "off: " and why. */
    public record Loaded<T>(T kernels, String status) {
        /** The wrapper, when the module loaded. */
        public Optional<T> get() {
            return Optional.ofNullable(kernels);
        }
    }

    /**
     * Compiles and loads the module whose methods are the resource {@code source} of {@code anchor}, wraps it
     * and runs {@code selfTest} on the wrapper; never throws: a module that does not load, compile or pass
     * its self-test gives an empty {@link Loaded} with the reason. The module lives as long as the process.
     */
    public static <T> Loaded<T> load(Class<?> anchor, String source, Function<ScriptedKernels, T> wrap,
            Consumer<T> selfTest) {
        if (!"PyTorch".equals(Engine.getDefaultEngineName())) {
            return new Loaded<>(null, "off: engine " + Engine.getDefaultEngineName() + " is not PyTorch");
        }
        try {
            // A process-wide manager: the module lives as long as the process, like the engine.
            PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu());
            T kernels = wrap.apply(new ScriptedKernels(
                    JniUtils.loadModule(manager, new ByteArrayInputStream(archive(anchor, source)), false, false)));
            selfTest.accept(kernels);
            return new Loaded<>(kernels, "on");
        } catch (EngineException | IOException | IllegalStateException e) {
            // libtorch's compile errors start with a blank line; the first text line names the problem.
            String why = e.getMessage() == null ? e.toString()
                    : e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse(e.toString());
            return new Loaded<>(null, "off: " + source + ": " + why);
        }
    }

    private static byte[] archive(Class<?> anchor, String source) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(source)) {
            if (in == null) {
                throw new IOException("resource " + source + " missing beside " + anchor.getName());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                store(zip, "kernels/data.pkl", MODULE_PICKLE);
                byte[] methods = in.readAllBytes();
                byte[] code = new byte[CLASS_HEADER.length + methods.length];
                System.arraycopy(CLASS_HEADER, 0, code, 0, CLASS_HEADER.length);
                System.arraycopy(methods, 0, code, CLASS_HEADER.length, methods.length);
                store(zip, "kernels/code/__torch__.py", code);
                store(zip, "kernels/constants.pkl", EMPTY_CONSTANTS);
                store(zip, "kernels/version", new byte[] {'3', '\n'});
            }
            return bytes.toByteArray();
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

    /** Runs {@code method}, whose result is one tensor, returned as an array of {@code owner}'s manager. */
    public NDArray call(String method, NDArray owner, IValue... inputs) {
        try (IValue result = IValueUtils.runMethod(module, method, inputs)) {
            return result.toTensor((PtNDManager) owner.getManager());
        } finally {
            close(inputs);
        }
    }

    /** Runs {@code method} for its effect on its arguments; its result is discarded. */
    public void run(String method, IValue... inputs) {
        try {
            IValueUtils.runMethod(module, method, inputs).close();
        } finally {
            close(inputs);
        }
    }

    private static void close(IValue[] inputs) {
        for (IValue v : inputs) {
            v.close();
        }
    }
}
