package attndx.data;

import java.util.List;

/**
 * A generated phantom benchmark in memory.
 *
 * @param config the config it was generated from
 * @param dataset the samples (images quantised to the config's bit depth, masks, boxes, splits)
 * @param items the per-image ground truth (marker, site, lesion count), in dataset order
 */
public record PhantomResult(PhantomConfig config, Dataset dataset, List<PhantomItem> items) {
    public PhantomResult {
        items = List.copyOf(items);
    }
}
