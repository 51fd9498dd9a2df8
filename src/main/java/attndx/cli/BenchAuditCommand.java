package attndx.cli;

import attndx.bench.AuditBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx bench audit}: images per second of each audit check. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Time each audit check (attention + Grad-CAM + random) on phantom images, per image size.")
final class BenchAuditCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "28,64", description = "Image sides (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;
    @Option(names = "--images", defaultValue = "624", description = "Images (default ${DEFAULT-VALUE}).")
    int images;
    @Option(names = "--width", defaultValue = "32", description = "Stage-1 channels (default ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--sanity-images", defaultValue = "64", description = "Images of the sanity checks.")
    int sanityImages;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("attndx-bench-audit");
        for (int size : sizes) {
            out.printf(Locale.ROOT, "%dx%d, %d images, width %d:%n", size, size, images, width);
            for (AuditBenchmark.Timing t : AuditBenchmark.run(size, images, width, sanityImages, work.resolve("s" + size))) {
                if (t.seconds() > 0) {
                    out.printf(Locale.ROOT, "  %-13s %8.1f s %10.1f images/s%n", t.check(), t.seconds(),
                            t.imagesPerSecond());
                } else {
                    // Cheaper than the run-to-run noise of the maps' time it is measured against.
                    out.printf(Locale.ROOT, "  %-13s below the noise of the maps' time%n", t.check());
                }
            }
            out.flush();
        }
        return 0;
    }
}
