package attndx.cli;

import attndx.bench.ServeBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx bench serve}: a bounded loopback load test of the HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Load-test attndx serve on loopback: latency percentiles, throughput, status codes, RSS.")
final class BenchServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model directory to serve.") Path model;
    @Option(names = "--requests", defaultValue = "1000", description = "Timed requests (default ${DEFAULT-VALUE}).")
    int requests;
    @Option(names = "--concurrency", defaultValue = "8", description = "Clients at once (default ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--warmup", defaultValue = "50", description = "Untimed requests first (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--max-seconds", defaultValue = "300",
            description = "Bound on the timed phase in seconds (default ${DEFAULT-VALUE}).")
    double maxSeconds;
    @Option(names = "--workers", defaultValue = "2", description = "Server workers (default ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--explain", defaultValue = "",
            description = "Maps per request: attention, grad-cam or both comma-separated (default: every map).")
    String explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServeBenchmark.Result r = ServeBenchmark.run(new ServeBenchmark.Load(model, requests, concurrency, warmup,
                maxSeconds, workers, explain));
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d requests answered (%d OK) in %.1f s at concurrency %d, %d workers%s%n", r.answered(),
                r.ok(), r.seconds(), concurrency, workers, r.timeBound() ? " (stopped by --max-seconds)" : "");
        out.printf(Locale.ROOT, "status codes: %s%n", r.statuses());
        out.printf(Locale.ROOT, "throughput: %.1f requests/s%n", r.perSecond());
        out.printf(Locale.ROOT, "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", r.p50(), r.p95(), r.p99(), r.max());
        out.printf(Locale.ROOT, "RSS: %,d KiB after warm-up, %,d KiB halfway, %,d KiB at the end (second half %+,d KiB)%n",
                r.rssAfterWarmupKb(), r.rssHalfwayKb(), r.rssAfterKb(), r.rssAfterKb() - r.rssHalfwayKb());
        out.flush();
        return r.ok() == r.answered() ? 0 : 1;
    }
}
