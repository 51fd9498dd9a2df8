package attndx.cli;

import attndx.report.DemoRun;
import attndx.report.ExperimentText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx demo}: the paper's pipeline on the built-in phantom, ending in the HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The whole pipeline on a built-in phantom with exact lesion masks: train the GAP backbone, the"
                + " multi-scale attention model and one with a planted shortcut; calibrate, evaluate, audit the"
                + " explanations; write the HTML report (about 4 minutes on 2 CPU cores). Rerunning resumes.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "runs/demo", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--count", description = "Phantom images (default: demo.yaml's).") Integer count;
    @Option(names = "--size", description = "Image side in pixels (default: demo.yaml's).") Integer size;
    @Option(names = "--epochs", description = "Training epochs (default: demo.yaml's).") Integer epochs;
    @Option(names = "--seeds", split = ",", description = "Training seeds, e.g. 1,2 (default: demo.yaml's).")
    List<Long> seeds;
    @Option(names = "--quiet", description = "Only the line per model, no training or audit progress.") boolean quiet;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        DemoRun.Result r = DemoRun.run(new DemoRun.Settings(out, count, size, epochs, seeds),
                new ConsoleListener(quiet));
        double wall = (System.nanoTime() - t0) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        w.print(ExperimentText.format(r.experiment().results()));
        r.experiment().failed().forEach(f -> w.println("FAILED: " + f));
        StringBuilder stages = new StringBuilder();
        for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
            stages.append(String.format(Locale.ROOT, "%s%s %.0f s (%.0f%%)", stages.length() == 0 ? "" : ", ",
                    e.getKey(), e.getValue(), 100 * e.getValue() / wall));
        }
        w.printf(Locale.ROOT, "%nwall time %.0f s: %s%n", wall, r.experiment().resumed() == 0 ? stages
                : r.experiment().resumed() + " model(s) resumed from an earlier run");
        w.println("report:  " + r.report().html());
        w.println("results: " + r.report().results());
        w.println("data:    " + r.data() + "   config: " + r.config());
        w.println("models:  " + r.experiment().runDir().resolve("cells") + "/VARIANT/seed-N/model");
        w.flush();
        return 0;
    }
}
