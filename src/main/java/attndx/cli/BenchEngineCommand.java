package attndx.cli;

import attndx.core.Engines;
import attndx.bench.ExplanationWorkload;
import attndx.bench.BenchmarkReport;
import attndx.bench.ModelBenchmark;
import attndx.bench.BenchInputs;
import attndx.bench.EngineBenchmark;
import attndx.bench.EngineReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attndx bench engine}: AttnDx against the PyTorch eager reference on this machine, interleaved. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Training-step, inference, Grad-CAM and deletion-curve throughput of AttnDx and of the "
                + "PyTorch eager reference (shared/bench/torchref, when /usr/bin/python3 has torch), timed in "
                + "alternating blocks; "
                + "ratios, machine and engine settings, and the memory soak.")
final class BenchEngineCommand implements Callable<Integer> {
    @Option(names = "--rounds", description = "Alternating blocks per side (default: ${DEFAULT-VALUE}).")
    int rounds = 2;

    @Option(names = "--reps", description = "Timed calls per block (default: ${DEFAULT-VALUE}).")
    int reps = 3;

    @Option(names = "--warmup", description = "Untimed calls per side before timing (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--jvm-warmup", paramLabel = "SECONDS", description = "Untimed seconds of width-16 models of "
            + "each case kind before the first case, so the JVM has compiled AttnDx's Java code (default: "
            + "${DEFAULT-VALUE}).")
    double jvmWarmup = 15;

    @Option(names = "--threads", description = "Intra-op threads of the reference (default: ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--torchref", description = "Reference directory with model.py (default: "
            + "../shared/bench/torchref next to the AttnDx checkout).")
    Path torchref = BenchInputs.checkoutPath("../shared/bench/torchref");

    @Option(names = "--driver", description = "Reference driver script (default: bench/torchref_driver.py of the "
            + "AttnDx checkout).")
    Path driver = BenchInputs.checkoutPath("bench/torchref_driver.py");

    @Option(names = "--cases", split = ",", description = "Only the cases whose label contains one of these "
            + "comma-separated texts, e.g. 'train gap,infer attn-single'.")
    List<String> only = List.of("");

    @Option(names = "--no-reference", description = "Time AttnDx alone.")
    boolean noReference;

    @Option(names = "--soak-steps", description = "Training steps of the RSS soak (attn-multiscale, width 16), "
            + "0 to skip; 1000 for the full soak (default: ${DEFAULT-VALUE}).")
    int soakSteps = 200;

    @Option(names = "--profile", paramLabel = "DIR", description = "Also profile 3 more AttnDx calls per case: "
            + "libtorch's per-operator trace written to DIR (Chrome trace format), top operators by self time printed.")
    private Path profileDir;

    @Override
    public Integer call() throws Exception {
        Engines.configure();
        boolean ref = !noReference && BenchInputs.referenceAvailable();
        if (!noReference && !ref) {
            System.out.println("reference: /usr/bin/python3 cannot import torch; timing AttnDx alone");
        }
        EngineBenchmark.Options o = new EngineBenchmark.Options(EngineBenchmark.defaultCases().stream()
                .filter(c -> only.stream().anyMatch(c.label()::contains)).toList(), rounds, jvmWarmup, warmup,
                reps, threads, ref ? torchref : null, driver, profileDir);
        List<EngineBenchmark.Row> rows = EngineBenchmark.run(o, ExplanationWorkload.factory(), System.out::println);
        System.out.println(EngineReport.machine());
        System.out.println(EngineReport.settings());
        System.out.print(EngineReport.table(rows));
        if (soakSteps > 0) {
            ModelBenchmark.Result soak = ModelBenchmark.run(new ModelBenchmark.Options(List.of(), 18, 64,
                    List.of(new ModelBenchmark.Setting(28, 64)), 0, 1, soakSteps, 16), System.out::println);
            System.out.print(BenchmarkReport.format(soak));
        }
        return 0;
    }
}
