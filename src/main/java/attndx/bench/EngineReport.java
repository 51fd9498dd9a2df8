package attndx.bench;

import attndx.train.AdamOptimizer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import attndx.kernels.FoldedInference;
import attndx.kernels.InferenceKernels;
import attndx.kernels.KernelSelection;
import attndx.kernels.ModelRunner;
import attndx.bench.EngineBenchmark.Row;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text output of {@code attndx bench engine}: the machine and engine settings, then the ratio table. */
public final class EngineReport {
    private static final List<String> FLAGS = List.of("avx", "avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni",
            "amx_tile", "amx_bf16");
    private static final List<String> ENV = List.of("LD_PRELOAD", "MALLOC_CONF", "OMP_NUM_THREADS", "OMP_WAIT_POLICY",
            "GOMP_SPINCOUNT", "MALLOC_ARENA_MAX", "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_",
            "MALLOC_TOP_PAD_");

    private EngineReport() {}

    /** One line on the CPU: cores seen by the JVM, model name and the vector extensions present. */
    public static String machine() {
        String model = "unknown CPU";
        List<String> flags = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model.equals("unknown CPU")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    List<String> present = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    FLAGS.stream().filter(present::contains).forEach(flags::add);
                }
            }
        } catch (IOException e) {
            model = "unknown CPU (/proc/cpuinfo unreadable: " + e.getMessage() + ")";
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + model + ", flags "
                + String.join(" ", flags);
    }

    /** Engine threads and inference kernels, allocator-related environment, JVM flags and collector. */
    public static String settings() {
        Engine engine = Engine.getInstance();
        String env = ENV.stream().filter(k -> System.getenv(k) != null).map(k -> k + "=" + System.getenv(k))
                .collect(Collectors.joining(" "));
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("/"));
        return KernelSelection.current().line() + "\nengine: " + engine.getEngineName() + " " + engine.getVersion() + ", threads " + JniUtils.getNumThreads()
                + " intra-op / " + JniUtils.getNumInteropThreads() + " inter-op, blocked oneDNN inference kernels "
                + FoldedInference.blockedKernelStatus() + ", fused Adam kernel " + AdamOptimizer.fusedKernelStatus()
                + "\ninference: batch 64 in " + ModelRunner.defaultWorkers(Device.cpu(), InferenceKernels.ONEDNN, 64)
                + " worker(s) of 1 intra-op thread, Winograd kernels (NNPACK) " + FoldedInference.winogradKernelStatus()
                + "\nenv: "
                + (env.isEmpty() ? "(none of " + ENV + ")" : env) + "\njvm: "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + " (GC " + gcs + ")";
    }

    /** The table: images/s per side, AttnDx / reference, and AttnDx / its gap preset timed alongside. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %9s %9s %7s %13s %7s %11s%n", "case",
                "AttnDx", "PyTorch", "ratio", "95% interval", "vs gap", "faults/call"));
        for (Row r : rows) {
            String interval = Double.isNaN(r.ratio().low()) ? "-"
                    : String.format(Locale.ROOT, "%.2f-%.2f", r.ratio().low(), r.ratio().high());
            sb.append(String.format(Locale.ROOT, "%-34s %9.1f %9s %7s %13s %7s %11s%n", r.c().label(), r.attndx(),
                    num(r.reference(), "%.1f"), num(r.attndx() / r.reference(), "%.2fx"), interval,
                    r.c().preset().equals("gap") ? "" : num(r.attndx() / r.gap(), "%.2fx"),
                    faults(r.attndxFaults(), true) + "/" + faults(r.referenceFaults(), !Double.isNaN(r.reference()))));
        }
        return sb.append("images/s = batch / median seconds per call; AttnDx and PyTorch blocks alternate; "
                + "95% interval = percentile bootstrap of the ratio over the timed calls of each side; "
                + "vs gap = against AttnDx's gap preset, its blocks in the same rotation; "
                + "faults/call = minor page faults per timed call, AttnDx/PyTorch\n").toString();
    }

    private static String num(double v, String fmt) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v);
    }

    /** Faults per call: "n/a" where they could not be counted (a side that ran has NaN only then). */
    private static String faults(double v, boolean ran) {
        return !ran ? "-" : Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }
}
