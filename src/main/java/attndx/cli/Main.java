package attndx.cli;

import attndx.core.Engines;
import picocli.CommandLine;
import attndx.kernels.KernelMode;
import attndx.kernels.KernelSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code attndx} entry point: registers the sub-commands and the error handler. */
@Command(name = "attndx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explainable medical image diagnosis with attention mechanisms.",
        subcommands = {DemoCommand.class, DataCommand.class, TrainCommand.class, EvaluateCommand.class,
            ExperimentCommand.class, ReportCommand.class, PredictCommand.class, ServeCommand.class,
            ExplainCommand.class, AuditCommand.class, BenchCommand.class, DoctorCommand.class})
public final class Main {

    /** {@code --kernels}, accepted by every command; applied before the command first runs a model. */
    @Option(names = "--kernels", scope = ScopeType.INHERIT, paramLabel = "auto|plain|fast",
            description = "Kernels that run models: auto (default: the fast kernels this machine's probe admitted),"
            + " plain (DJL's operators only), fast (every fast kernel, unprobed). Also ATTNDX_KERNELS.")
    void kernels(String mode) {
        KernelSelection.request(KernelMode.parse(mode, "--kernels"));
    }

    /** Builds the command line with AttnDx's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        Engines.configure();
        System.exit(commandLine().execute(args));
    }
}
