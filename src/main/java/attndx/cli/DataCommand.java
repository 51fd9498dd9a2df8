package attndx.cli;

import picocli.CommandLine.Command;

/** {@code attndx data}: inspect, convert, split, quality-check and generate datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect, convert, split and quality-check datasets; generate the phantom benchmark.",
        subcommands = {DataInspectCommand.class, DataConvertCommand.class, DataPhantomCommand.class,
            DataSplitCommand.class, DataQcCommand.class})
final class DataCommand {
}
