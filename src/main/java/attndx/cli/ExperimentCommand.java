package attndx.cli;

import attndx.report.ExperimentConfigLoader;
import attndx.report.ExperimentRunner;
import attndx.report.ExperimentText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attndx experiment}: every variant x seed from one config file, then the seed's Tables 2 and 3. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run an experiment file (configs/*.yaml): train, evaluate and audit every variant for every"
                + " seed, then write results.json with Tables 2 and 3 (mean +- std over seeds, bootstrap CIs)."
                + " Rerunning into the same folder resumes it.")
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment file (YAML).")
    Path config;
    @Option(names = "--data", description = "Dataset path, instead of the file's data.path.")
    Path data;
    @Option(names = "--out", description = "Run folder (default runs/NAME, NAME from the file).")
    Path out;
    @Option(names = "--seeds", split = ",", description = "Seeds, instead of the file's seeds (e.g. 1,2,3).")
    List<Long> seeds;
    @Option(names = "--quiet", description = "Only the line per cell, no training or audit progress.") boolean quiet;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfigLoader.Loaded loaded = ExperimentConfigLoader.load(config, new ExperimentConfigLoader.Overrides(
                data == null ? null : data.toString(), seeds));
        Path dir = out != null ? out : Path.of("runs", loaded.config().name());
        ExperimentRunner.Result r = ExperimentRunner.run(loaded, dir, new ConsoleListener(quiet));
        PrintWriter w = spec.commandLine().getOut();
        w.print(ExperimentText.format(r.results()));
        r.failed().forEach(f -> w.println("FAILED: " + f));
        w.println("run folder: " + r.runDir() + (r.resumed() > 0 ? " (" + r.resumed() + " cells resumed)" : ""));
        w.println("results:    " + r.runDir().resolve(ExperimentRunner.RESULTS));
        w.flush();
        return 0;
    }
}
