package attndx.cli;

import attndx.data.DatasetLoader;
import attndx.data.LoadedDataset;
import attndx.data.ManifestWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attndx data convert IN OUT}: any supported dataset to a folder of PNGs + manifest.csv + dataset.json. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a dataset to an image folder with manifest.csv and dataset.json.")
final class DataConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Dataset file or folder to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "New (or empty) output folder.")
    Path out;

    @Option(names = "--bits", defaultValue = "8", description = "PNG bits per sample: 8 or 16 (default ${DEFAULT-VALUE}).")
    int bits;

    @Mixin
    LoadOptionsMixin load;

    @Override
    public Integer call() {
        LoadedDataset loaded = DatasetLoader.load(in, load.toOptions());
        ManifestWriter.write(loaded.dataset(), out, bits);
        var w = spec.commandLine().getOut();
        w.println("wrote " + loaded.dataset().size() + " samples to " + out);
        w.println("skipped rows: " + loaded.report().skipped().size());
        loaded.report().skipped().forEach(s -> w.println("  " + s.where() + ": " + s.reason()));
        w.flush();
        return 0;
    }
}
