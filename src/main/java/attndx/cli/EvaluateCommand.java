package attndx.cli;

import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.QcConfig;
import attndx.data.QcScreen;
import attndx.data.SplitRatios;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.EvaluationConfig;
import attndx.kernels.InferenceKernels;
import attndx.kernels.KernelSelection;
import attndx.report.EvaluationRun;
import attndx.report.EvaluationSplits;
import attndx.report.EvaluationTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code attndx evaluate}: metrics with CIs, calibration, selective prediction, shift and stress tests. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model: AUC and operating points with patient-level bootstrap CIs, calibration"
                + " before/after temperature scaling, selective prediction, shift flags and a synthetic stress test.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model directory (e.g. runs/NAME/model).")
    Path model;
    @Option(names = "--data", required = true, description = "Dataset: .npz, manifest folder or DICOM folder.")
    Path data;
    @Mixin
    LoadOptionsMixin load;
    @Mixin
    QcOptionMixin qc;
    @Option(names = "--split", defaultValue = "test", description = "Split to evaluate (default ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--calibrate-on", description = "Split to fit the temperature on (e.g. val); it is stored in the"
            + " model directory. Without it the stored temperature is applied.")
    String calibrateOn;
    @Option(names = "--splits", description = "Split assignment CSV (default: splits.csv of the model's run"
            + " directory when present, else the data's split column, else the patient-level split redone by"
            + " --ratios/--split-seed, refused unless its training split is the model's).")
    Path splits;
    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15", description = "Ratios of a redone split.") String ratios;
    @Option(names = "--split-seed", description = "Seed of a redone split (default: the training seed in model.json).")
    Long splitSeed;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap.")
    long seed;
    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples (0 = no CIs).") int resamples;
    @Option(names = "--specificity", defaultValue = "0.9") double specificity;
    @Option(names = "--sensitivity", defaultValue = "0.9") double sensitivity;
    @Option(names = "--bins", defaultValue = "15") int bins;
    @Option(names = "--coverage", defaultValue = "0.9", description = "Coverage the abstention threshold is chosen for.")
    double coverage;
    @Option(names = "--false-flag-rate", defaultValue = "0.05") double falseFlagRate;
    @Option(names = "--stress", split = ",", defaultValue = "0,0.25,0.5,0.75,1",
            description = "Synthetic shift strengths in [0,1] (default ${DEFAULT-VALUE}).")
    List<Double> stress;
    @Option(names = "--no-stress", description = "Skip the synthetic shift stress test.") boolean noStress;
    @Option(names = "--mc-dropout", defaultValue = "0", description = "Monte-Carlo dropout passes on the test split"
            + " (0 = off; the model needs dropout, e.g. trained with --dropout 0.2).")
    int mcPasses;
    @Option(names = "--precision", defaultValue = "fp32", converter = PrecisionConverter.class,
            description = "Arithmetic of the inference backbone: fp32 (default), or bf16: bfloat16 on oneDNN's kernels,"
            + " about 2x faster on CPUs with avx512_bf16 or AMX, probabilities within about 1e-2; refused where"
            + " oneDNN has no bf16.")
    InferenceKernels kernels;
    @Option(names = "--out", description = "Output folder (default: evaluation-SPLIT next to the model).")
    Path out;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter w = spec.commandLine().getOut();
        Dataset all = EvaluationSplits.assign(DatasetLoader.load(data, load.toOptions()).dataset(), model, splits,
                SplitRatios.parse(ratios), splitSeed);
        QcScreen.Result screened = QcScreen.apply(all, QcConfig.defaults(), qc.policy);
        w.println(screened.summary());
        all = screened.dataset();
        EvaluationConfig cfg = new EvaluationConfig(new BootstrapConfig(resamples, 0.95, seed), specificity,
                sensitivity, 0.5, bins, List.of(0.8, 0.9, 0.95), coverage);
        Path dir = out != null ? out : model.toAbsolutePath().getParent().resolve("evaluation-" + split);
        EvaluationRun.Result r = EvaluationRun.run(new EvaluationRun.Request(model, all, split, calibrateOn, cfg,
                falseFlagRate, noStress ? List.of() : stress, mcPasses,
                kernels != null ? kernels : KernelSelection.current().inference(), dir));
        w.print(EvaluationTable.format(r));
        w.println("results: " + dir.resolve(EvaluationRun.FILE));
        w.flush();
        return 0;
    }

    /** fp32 / bf16 to the inference kernels that compute in them. */
    static final class PrecisionConverter implements ITypeConverter<InferenceKernels> {
        @Override
        public InferenceKernels convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "fp32" -> null; // the float32 kernels the machine's kernel selection runs
                case "bf16" -> InferenceKernels.ONEDNN_BF16;
                default -> throw new TypeConversionException("expected fp32 or bf16, got '" + value + "'");
            };
        }
    }
}
