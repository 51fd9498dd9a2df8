package attndx.cli;

import picocli.CommandLine.Command;

/** {@code attndx bench}: performance benchmarks (not tests; numbers depend on the machine). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Performance benchmarks: throughput and memory.",
        subcommands = {BenchModelCommand.class, BenchMetricsCommand.class, BenchTrainCommand.class,
            BenchEngineCommand.class, BenchServeCommand.class, BenchAuditCommand.class})
final class BenchCommand {
}
