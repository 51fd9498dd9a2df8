package attndx.cli;

import attndx.data.Dataset;
import attndx.data.Splits;
import attndx.explain.AuditConfig;
import attndx.explain.AuditProgress;
import attndx.explain.AuditReport;
import attndx.explain.AuditRun;
import attndx.explain.AuditTable;
import attndx.explain.SanityConfig;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import attndx.metrics.TrainingValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx audit}: the quantitative audit of a model's explanations. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Audit explanations: deletion/insertion against random, localisation, stability, sanity checks"
                + " and the shortcut stress test; writes audit.json, per-image.csv, curves and overlays.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    ModelDataOptions in;
    @Option(names = "--methods", split = ",", defaultValue = "gradcam",
            description = "Methods (see explain); the random reference is always added (default ${DEFAULT-VALUE}).")
    List<String> methods;
    @Option(names = "--checks", split = ",", defaultValue = "faithfulness,localisation,stability,sanity,shortcut",
            description = "Checks (default ${DEFAULT-VALUE}).")
    List<String> checks;
    @Mixin
    MethodOptionsMixin options;
    @Option(names = "--target", defaultValue = "predicted", description = "Class explained: predicted or label.")
    String target;
    @Option(names = "--limit", defaultValue = "100000", description = "First N images of the split.")
    int limit;
    @Option(names = "--steps", defaultValue = "20", description = "Deletion/insertion steps (default ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--blur", defaultValue = "0", description = "Deletion baseline: 0 = constant 0 (the mean after"
            + " normalisation), else Gaussian blur sigma in pixels.")
    double blur;
    @Option(names = "--tolerance", defaultValue = "0", description = "Pointing-game tolerance, pixels.")
    int tolerance;
    @Option(names = "--top", split = ",", defaultValue = "0.05,0.1,0.2", description = "Top shares for IoU/Dice.")
    List<Double> top;
    @Option(names = "--thresholds", split = ",", defaultValue = "0.25,0.5,0.75", description = "Value thresholds.")
    List<Double> thresholds;
    @Option(names = "--stability-shift", defaultValue = "0", description = "Largest stability shift in pixels (0 = one"
            + " attention cell).")
    int shift;
    @Option(names = "--sanity-images", defaultValue = "64", description = "Images of the sanity checks.")
    int sanityImages;
    @Option(names = "--sanity-labels", defaultValue = "0", description = "Train a shuffled-label model for N epochs for"
            + " the label randomisation check (0 = skip).")
    int sanityEpochs;
    @Option(names = "--random-label-model", description = "A model trained on shuffled labels (instead of"
            + " --sanity-labels).")
    Path randomLabelModel;
    @Option(names = "--shortcut-widths", split = ",", defaultValue = "0.125,0.25",
            description = "Corner/band widths as fractions of the side.")
    List<Double> widths;
    @Option(names = "--shortcut-level", defaultValue = "0.01", description = "Family-wise level of the shortcut tests.")
    double level;
    @Option(names = "--shortcut-min-effect", defaultValue = "0.05",
            description = "Smallest mean excess probability change that counts as disproportionate.")
    double minEffect;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AuditConfig cfg = new AuditConfig(methods, checks, target, limit, options.toOptions(),
                new FaithfulnessConfig(steps, blur, 0.05, options.toOptions().batchSize()),
                new LocalisationConfig(tolerance, top, thresholds), shift,
                new SanityConfig(sanityImages, 0.5, options.toOptions().seed()),
                new ShortcutConfig(widths, level, minEffect, 2.0, options.toOptions().seed()), sanityEpochs);
        Dataset all = in.dataset();
        boolean train = sanityEpochs > 0 && randomLabelModel == null;
        AuditReport r = AuditRun.run(new AuditRun.Request(in.model, all.split(in.split), in.split,
                train ? all.split(Splits.TRAIN) : null, train ? all.split(Splits.VAL) : null, randomLabelModel, cfg,
                new TrainingValidation(), out, AuditProgress.console(System.err)));
        var w = spec.commandLine().getOut();
        w.print(AuditTable.format(r));
        w.println("results: " + out.resolve(AuditRun.FILE));
        w.flush();
        return 0;
    }
}
