package attndx.cli;

import attndx.report.DemoRun;
import attndx.report.EvaluationRun;
import attndx.report.EvaluationTable;
import attndx.train.ConsoleProgress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attndx demo}: the whole pipeline on the built-in phantom data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the phantom benchmark, train the attention model on it, evaluate it (a few minutes on 2 CPU cores).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "runs/demo", description = "Output folder (default ${DEFAULT-VALUE}); must not hold a demo yet.")
    Path out;
    @Option(names = "--count", defaultValue = "800", description = "Phantom images (default ${DEFAULT-VALUE}).") int count;
    @Option(names = "--size", defaultValue = "64", description = "Image side (default ${DEFAULT-VALUE}).") int size;
    @Option(names = "--width", defaultValue = "16", description = "Backbone width (default ${DEFAULT-VALUE}).") int width;
    @Option(names = "--epochs", defaultValue = "8", description = "Epochs (default ${DEFAULT-VALUE}).") int epochs;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter w = spec.commandLine().getOut();
        DemoRun.Result r = DemoRun.run(new DemoRun.Settings(out, count, size, width, epochs, seed),
                new ConsoleProgress(System.err));
        w.print(EvaluationTable.format(r.evaluation()));
        w.println("data:       " + r.dataDir());
        w.println("model:      " + r.training().modelDir());
        w.println("train log:  " + r.training().runDir().resolve("train-log.jsonl"));
        w.println("evaluation: " + r.training().runDir().resolve("evaluation-test").resolve(EvaluationRun.FILE));
        w.flush();
        return 0;
    }
}
