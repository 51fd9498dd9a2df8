package attndx.cli;

import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.SplitAssignment;
import attndx.data.SplitRatios;
import attndx.data.Splitter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model, data and split options of the commands that run a saved model on a split (explain, audit), read as
 * {@code evaluate} reads them: the split assignment is the model run's {@code splits.csv} when present.
 */
final class ModelDataOptions {
    @Option(names = "--model", required = true, description = "Model directory (e.g. runs/NAME/model).")
    Path model;
    @Option(names = "--data", required = true, description = "Dataset: .npz, manifest folder or DICOM folder.")
    Path data;
    @Mixin
    LoadOptionsMixin load;
    @Option(names = "--split", defaultValue = "test", description = "Split to use (default ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--splits", description = "Split assignment CSV (default: splits.csv of the model's run"
            + " directory when present, else the data's split column, else a patient-level split by --ratios/--seed).")
    Path splits;
    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15") String ratios;
    @Option(names = "--split-seed", defaultValue = "1", description = "Seed of the split when assigned here.")
    long splitSeed;

    /** The whole dataset with its splits assigned. */
    Dataset dataset() {
        Dataset all = DatasetLoader.load(data, load.toOptions()).dataset();
        Path assignment = splits != null ? splits : runSplits();
        return assignment != null ? SplitAssignment.readCsv(assignment).apply(all)
                : new Splitter(SplitRatios.parse(ratios), splitSeed).assign(all);
    }

    private Path runSplits() {
        Path run = model.toAbsolutePath().getParent();
        for (Path dir = run; dir != null && dir.startsWith(run.getParent()); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TrainCommand.SPLITS))) {
                return dir.resolve(TrainCommand.SPLITS);
            }
        }
        return null;
    }
}
