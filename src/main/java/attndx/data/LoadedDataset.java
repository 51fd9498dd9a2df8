package attndx.data;

import java.util.Objects;

/**
 * A loaded dataset and the report of what was skipped while loading it.
 *
 * @param dataset the samples that loaded
 * @param report the rows left out (empty unless {@link LoadOptions#skipBadRows()} was set)
 */
public record LoadedDataset(Dataset dataset, LoadReport report) {
    public LoadedDataset {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(report, "report");
    }
}
