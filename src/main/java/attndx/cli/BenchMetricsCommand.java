package attndx.cli;

import attndx.bench.MetricsThroughput;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attndx bench metrics}: times AUC and patient-level bootstrap batches on synthetic predictions. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Time exact AUC and batches of patient-level bootstrap resamples on synthetic predictions.")
final class BenchMetricsCommand implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "100000", description = "Predictions (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--batch", defaultValue = "100", description = "Resamples per bootstrap batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats; the median is printed (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MetricsThroughput.Timings t = MetricsThroughput.run(n, batch, repeats, seed);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "predictions: %d, patients: %d, median of %d runs%n", t.images(), t.patients(), repeats);
        out.printf(Locale.ROOT, "exact AUC (sort + Mann-Whitney):        %10.2f ms%n", t.aucMillis());
        out.printf(Locale.ROOT, "bootstrap AUC, %d resamples:            %10.2f ms%n", t.batch(), t.bootstrapAucMillis());
        out.printf(Locale.ROOT, "bootstrap all binary metrics, %d resamples: %7.2f ms%n", t.batch(),
                t.bootstrapAllMillis());
        out.flush();
        return 0;
    }
}
