package attndx.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A random-access collection of {@link Sample}s with a shared {@link DatasetInfo}. Loaders
 * return one; splits and filters are new datasets over the same samples.
 */
public interface Dataset {

    /** Task, class names and channels. */
    DatasetInfo info();

    /** Number of samples. */
    int size();

    /** The sample at index i (0 &lt;= i &lt; size()). */
    Sample get(int i);

    /** All samples, in order. */
    default List<Sample> samples() {
        List<Sample> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(get(i));
        }
        return out;
    }

    /** The samples satisfying a predicate, as a new in-memory dataset. */
    default Dataset filter(Predicate<Sample> keep) {
        return new InMemoryDataset(info(), samples().stream().filter(keep).toList());
    }

    /** The samples whose explicit split equals {@code split}. */
    default Dataset split(String split) {
        return filter(s -> split.equals(s.split()));
    }
}
