package attndx.cli;

import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.SplitRatios;
import attndx.report.EvaluationSplits;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model, data and split options of the commands that run a saved model on a split (explain, audit), read as
 * {@code evaluate} reads them ({@link EvaluationSplits}).
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
            + " directory when present, else the data's split column, else the patient-level split redone by"
            + " --ratios/--split-seed, refused unless its training split is the model's).")
    Path splits;
    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15", description = "Ratios of a redone split.") String ratios;
    @Option(names = "--split-seed", description = "Seed of a redone split (default: the training seed in model.json).")
    Long splitSeed;

    /** The whole dataset with its splits assigned as {@code evaluate} assigns them (never a training image in test). */
    Dataset dataset() {
        return EvaluationSplits.assign(DatasetLoader.load(data, load.toOptions()).dataset(), model, splits,
                SplitRatios.parse(ratios), splitSeed);
    }
}
