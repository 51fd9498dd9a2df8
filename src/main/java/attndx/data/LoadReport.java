package attndx.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a loader left out: every row or sample skipped under {@link LoadOptions#skipBadRows()},
 * with the reason. Returned alongside the dataset so nothing is ever dropped silently.
 *
 * @param skipped the skipped items, in input order
 */
public record LoadReport(List<Skipped> skipped) {

    public LoadReport {
        skipped = List.copyOf(skipped);
    }

    /**
     * One skipped item.
     *
     * @param where file and row or key (e.g. "data/manifest.csv row 7", "x.npz#train[3]")
     * @param reason the error that made it unusable
     */
    public record Skipped(String where, String reason) {}

    /** A report with nothing skipped. */
    public static LoadReport empty() {
        return new LoadReport(List.of());
    }

    /** Whether anything was skipped. */
    public boolean hasSkipped() {
        return !skipped.isEmpty();
    }

    /** This report followed by another's items. */
    public LoadReport plus(LoadReport other) {
        List<Skipped> all = new ArrayList<>(skipped);
        all.addAll(other.skipped);
        return new LoadReport(all);
    }
}
