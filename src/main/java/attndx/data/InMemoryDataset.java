package attndx.data;

import java.util.List;
import java.util.Objects;

/** A dataset held entirely in memory (all loaders here produce one: medical images at these sizes fit). */
public final class InMemoryDataset implements Dataset {
    private final DatasetInfo info;
    private final List<Sample> samples;

    public InMemoryDataset(DatasetInfo info, List<Sample> samples) {
        this.info = Objects.requireNonNull(info, "info");
        this.samples = List.copyOf(samples);
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public Sample get(int i) {
        return samples.get(i);
    }

    @Override
    public List<Sample> samples() {
        return samples;
    }
}
