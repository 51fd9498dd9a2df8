package attndx.bench;

import attndx.bench.ModelBenchmark.Result;
import attndx.bench.ModelBenchmark.Row;
import attndx.bench.ModelBenchmark.Soak;
import java.util.Locale;

/** Formats a {@link ModelBenchmark.Result} as a plain-text table. */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    /**
     * The table: one line per preset and setting, with throughput relative to the GAP preset at the same
     * setting ("x gap" = preset images/s / gap images/s; below 1 means slower), then the soak's RSS.
     */
    public static String format(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "cores %d, OMP_NUM_THREADS %s%n", Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        sb.append(String.format(Locale.ROOT, "%-16s %7s %5s %12s %8s %12s %8s %9s %9s%n", "preset", "input", "batch",
                "forward/s", "x gap", "train/s", "x gap", "RSS MiB", "peak MiB"));
        for (Row row : r.rows()) {
            Row gap = gapRow(r, row);
            sb.append(String.format(Locale.ROOT, "%-16s %7s %5d %12.1f %8s %12.1f %8s %9s %9s%n", row.preset(),
                    row.setting().size() + "x" + row.setting().size(), row.setting().batch(), row.forwardPerSecond(),
                    ratio(row.forwardPerSecond(), gap == null ? 0 : gap.forwardPerSecond()), row.trainPerSecond(),
                    ratio(row.trainPerSecond(), gap == null ? 0 : gap.trainPerSecond()), MemoryStats.mib(row.rssKb()),
                    MemoryStats.mib(row.peakRssKb())));
        }
        Soak s = r.soak();
        if (s != null) {
            long first = s.rssKb()[0];
            long last = s.rssKb()[s.rssKb().length - 1];
            int n = s.steps().length - 1;
            sb.append(String.format(Locale.ROOT, "soak: %s width %d, %dx%d batch %d, %d steps at %.1f img/s: RSS %d MiB "
                    + "-> %d MiB (%+d MiB), live JVM heap %d -> %d MiB%n", s.preset(), s.width(),
                    s.setting().size(), s.setting().size(), s.setting().batch(), s.steps()[n], s.trainPerSecond(),
                    first / 1024, last / 1024, (last - first) / 1024, s.heapKb()[0] / 1024, s.heapKb()[n] / 1024));
        }
        return sb.toString();
    }

    private static Row gapRow(Result r, Row row) {
        return r.rows().stream().filter(g -> g.preset().equals("gap") && g.setting().equals(row.setting()))
                .findFirst().orElse(null);
    }

    private static String ratio(double value, double gap) {
        return gap > 0 ? String.format(Locale.ROOT, "%.2f", value / gap) : "-";
    }
}
