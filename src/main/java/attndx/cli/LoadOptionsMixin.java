package attndx.cli;

import attndx.data.LoadOptions;
import attndx.data.TaskType;
import java.util.List;
import picocli.CommandLine.Option;

/** The dataset-reading options shared by the commands that load a dataset; maps to {@link LoadOptions}. */
final class LoadOptionsMixin {
    @Option(names = "--name", description = "Dataset name (default: the file or folder name).")
    String name;

    @Option(names = "--task", description = "Declared task: ${COMPLETION-CANDIDATES} (default: inferred).")
    TaskType task;

    @Option(names = "--classes", split = ",", paramLabel = "NAME",
            description = "Class names by index, comma-separated (MedMNIST default: 0,1,...).")
    List<String> classNames;

    @Option(names = "--label", paramLabel = "NAME",
            description = "Label given to every image of a DICOM folder without manifest.csv.")
    String constantLabel;

    @Option(names = "--skip-bad-rows", description = "Skip unreadable rows and report them instead of failing.")
    boolean skipBadRows;

    LoadOptions toOptions() {
        return new LoadOptions(name, task, classNames, skipBadRows, constantLabel);
    }
}
