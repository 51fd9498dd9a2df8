package attndx.cli;

import attndx.core.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code attndx} entry point: registers the sub-commands and the error handler. */
@Command(name = "attndx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explainable medical image diagnosis with attention mechanisms.",
        subcommands = {DemoCommand.class, DataCommand.class, TrainCommand.class, EvaluateCommand.class,
            ExplainCommand.class, AuditCommand.class,
            BenchCommand.class})
public final class Main {

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
