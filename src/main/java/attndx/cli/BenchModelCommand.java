package attndx.cli;

import attndx.core.Engines;
import attndx.bench.BenchmarkReport;
import attndx.bench.ModelBenchmark;
import attndx.model.ModelPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attndx bench model}: forward/training throughput of every preset, ratios to GAP, and a memory soak. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Forward and training-step throughput per model preset (ratio to GAP, paper 9.5) and an "
                + "RSS soak over many training steps.")
final class BenchModelCommand implements Callable<Integer> {
    @Option(names = "--presets", split = ",", description = "Presets to compare (default: all).")
    List<String> presets = new ArrayList<>(ModelPresets.NAMES);

    @Option(names = "--depth", description = "Backbone depth, 18 or 34 (default: ${DEFAULT-VALUE}).")
    int depth = 18;

    @Option(names = "--width", description = "Base width; 64 matches the PyTorch reference (default: ${DEFAULT-VALUE}).")
    int width = 64;

    @Option(names = "--settings", split = ",",
            description = "Input size x batch pairs (default: ${DEFAULT-VALUE}).")
    List<String> settings = new ArrayList<>(List.of("28x64", "64x32"));

    @Option(names = "--warmup", description = "Untimed calls before timing (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--iterations", description = "Timed calls; the median is reported (default: ${DEFAULT-VALUE}).")
    int iterations = 7;

    @Option(names = "--soak-steps", description = "Training steps of the memory soak, 0 to skip (default: ${DEFAULT-VALUE}).")
    int soakSteps = 1000;

    @Option(names = "--soak-width", description = "Base width of the soak model (default: ${DEFAULT-VALUE}).")
    int soakWidth = 16;

    @Override
    public Integer call() {
        Engines.configure();
        List<ModelBenchmark.Setting> parsed = new ArrayList<>();
        for (String s : settings) {
            String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--settings entries must look like 28x64 (size x batch), got " + s);
            }
            parsed.add(new ModelBenchmark.Setting(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())));
        }
        ModelBenchmark.Options options = new ModelBenchmark.Options(presets, depth, width, parsed, warmup, iterations,
                soakSteps, soakWidth);
        ModelBenchmark.Result result = ModelBenchmark.run(options, System.out::println);
        System.out.print(BenchmarkReport.format(result));
        return 0;
    }
}
