package attndx.cli;

import attndx.core.Json;
import attndx.data.DatasetInspection;
import attndx.data.InspectionSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code attndx data inspect PATH}: counts, patients, sizes, intensities and skipped rows of a dataset;
 * DICOM without labels gets header fields, pixel statistics and counts.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Summarise a dataset (.npz, folder with manifest.csv, .dcm file or folder).")
final class DataInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Dataset file or folder.")
    Path path;

    @Option(names = "--split", paramLabel = "S", description = "Only this split (train, val, test or unassigned).")
    String split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path json;

    @Mixin
    LoadOptionsMixin load;

    @Override
    public Integer call() {
        InspectionSummary summary = DatasetInspection.inspect(path, load.toOptions(), split);
        var out = spec.commandLine().getOut();
        summary.toLines().forEach(out::println);
        if (json != null) {
            Json.write(json, summary);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }
}
