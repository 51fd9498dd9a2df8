package attndx.cli;

import attndx.serve.Explanation;
import attndx.serve.PredictMode;
import attndx.serve.PredictRun;
import attndx.serve.PredictTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attndx predict}: calibrated probabilities, refer and triage flags, QC, shift and overlays per study. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Assess studies with a model: calibrated probabilities, label, refer flag (stored tau), triage"
                + " priority at the stored operating point, QC and shift flags, and an explanation overlay PNG.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model directory (e.g. runs/NAME/model).")
    Path model;
    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Image files (PNG, JPEG, TIFF, DICOM), folders, manifest.csv files or folders, .npz files.")
    List<Path> inputs;
    @Option(names = "--out", defaultValue = "predictions.jsonl",
            description = "Results file: .jsonl (JSON lines) or .csv (default ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--overlays", description = "Folder for the overlay PNGs (default: overlays/ next to --out).")
    Path overlays;
    @Option(names = "--no-overlays", description = "Write no overlay PNGs.") boolean noOverlays;
    @Option(names = "--mode", defaultValue = "triage", converter = ModeConverter.class,
            description = "triage (worklist sorted by priority, studies to expedite first) or second-read (input"
                    + " order; default ${DEFAULT-VALUE}).")
    PredictMode mode;
    @Option(names = "--explain", converter = ExplanationConverter.class,
            description = "Map of the overlays: attention or grad-cam (default: attention when the model has it).")
    Explanation explain;
    @Option(names = "--batch-size", defaultValue = "32", description = "Studies per forward pass.") int batchSize;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path overlayDir = noOverlays ? null : overlays != null ? overlays
                : out.toAbsolutePath().resolveSibling("overlays");
        PredictRun.Result r = PredictRun.run(new PredictRun.Request(model, inputs, out, overlayDir, mode, explain,
                batchSize, System.err));
        java.io.PrintWriter w = spec.commandLine().getOut();
        w.print(PredictTable.format(r, mode));
        w.println("results: " + out + (overlayDir == null ? "" : ", overlays: " + overlayDir));
        w.flush();
        return 0;
    }

    /** triage / second-read. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<PredictMode> {
        @Override
        public PredictMode convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "triage" -> PredictMode.TRIAGE;
                case "second-read", "second_read" -> PredictMode.SECOND_READ;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected triage or second-read, got '" + value + "'");
            };
        }
    }

    /** attention / grad-cam. */
    static final class ExplanationConverter implements picocli.CommandLine.ITypeConverter<Explanation> {
        @Override
        public Explanation convert(String value) {
            try {
                return Explanation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
