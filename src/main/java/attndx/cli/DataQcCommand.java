package attndx.cli;

import attndx.core.Json;
import attndx.data.DatasetSource;
import attndx.data.QcConfig;
import attndx.data.QcFlag;
import attndx.data.QcReport;
import attndx.data.QualityControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attndx data qc}: flags images for manual review (exposure, contrast, blur, truncated field of view). */
@Command(name = "qc", mixinStandardHelpOptions = true,
        description = "Quality-check every image: under-/over-exposure, low contrast, blur, truncated field of view.")
final class DataQcCommand implements Callable<Integer> {
    private static final QcConfig D = QcConfig.defaults();
    private final DatasetSource source;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadOptionsMixin load;

    @Parameters(index = "0", paramLabel = "IN", description = "Dataset (npz file or manifest folder).")
    private Path input;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON.")
    private Path json;

    @Option(names = "--all", description = "List every image, not only the flagged ones.")
    private boolean all;

    @Option(names = "--min-mean", description = "Under-exposure threshold on the mean intensity (default ${DEFAULT-VALUE}).")
    private double minMean = D.minMean();

    @Option(names = "--max-mean", description = "Over-exposure threshold on the mean intensity (default ${DEFAULT-VALUE}).")
    private double maxMean = D.maxMean();

    @Option(names = "--min-std", description = "Low-contrast threshold on the intensity std (default ${DEFAULT-VALUE}).")
    private double minStd = D.minStd();

    @Option(names = "--min-sharpness", description = "Blur threshold on Laplacian variance / variance"
            + " (default ${DEFAULT-VALUE}; lower it for images of 256 px and more).")
    private double minSharpness = D.minSharpness();

    @Option(names = "--max-border", description = "Truncated-FOV threshold on the constant border area fraction"
            + " (default ${DEFAULT-VALUE}).")
    private double maxBorder = D.maxConstantBorder();

    DataQcCommand() {
        this(DatasetSource.standard());
    }

    DataQcCommand(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        QcConfig config = new QcConfig(minMean, maxMean, minStd, minSharpness, maxBorder, D.flatTolerance());
        QcReport report = new QualityControl(config).check(source.load(input, load.toOptions()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-32s %s%n", "id", "flags", "reasons");
        for (QcReport.Result r : report.results()) {
            if (all || r.flagged()) {
                out.printf("%-24s %-32s %s%n", r.id(),
                        r.flagged() ? r.flags().stream().map(QcFlag::check).collect(Collectors.joining(",")) : "-",
                        r.flags().stream().map(QcFlag::reason).collect(Collectors.joining("; ")));
            }
        }
        out.printf("%d of %d images flagged %s%n", report.flaggedCount(), report.results().size(), report.countsByCheck());
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("input", input.toString());
            doc.put("total", report.results().size());
            doc.put("flagged", report.flaggedCount());
            doc.put("byCheck", report.countsByCheck());
            doc.put("config", report.config());
            doc.put("results", report.results());
            Json.write(json, doc);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }
}
