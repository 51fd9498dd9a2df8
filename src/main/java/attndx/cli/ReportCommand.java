package attndx.cli;

import attndx.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attndx report RUN_DIR}: the self-contained HTML report of a finished experiment. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML page (tables 2 and 3, faithfulness curves, calibration,"
                + " abstention, example explanations, distributions, stress test, flags, provenance) from the run"
                + " folder of `attndx experiment`, with results.json beside it.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The experiment's run folder (holds results.json).")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "The page to write (default RUN_DIR/report/report.html).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Report.Result r = Report.write(runDir, out != null ? out : Report.defaultOut(runDir));
        PrintWriter w = spec.commandLine().getOut();
        r.warnings().forEach(s -> w.println("warning: " + s));
        w.println("report:  " + r.html().toAbsolutePath());
        w.println("results: " + r.results().toAbsolutePath());
        w.println(String.format(Locale.ROOT, "written in %.1f s", r.seconds()));
        return 0;
    }
}
