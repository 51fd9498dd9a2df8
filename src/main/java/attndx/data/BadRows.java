package attndx.data;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad-row policy of one load: rethrow the error, or (with {@code skipBadRows}) record the
 * row in the {@link LoadReport} and carry on.
 */
final class BadRows {
    private final boolean skip;
    private final List<LoadReport.Skipped> skipped = new ArrayList<>();

    BadRows(boolean skip) {
        this.skip = skip;
    }

    /** Rethrows {@code error}, or records it against {@code where} when skipping is on. */
    void handle(String where, AttndxException error) {
        if (!skip) {
            throw error;
        }
        skipped.add(new LoadReport.Skipped(where, error.getMessage()));
    }

    LoadReport report() {
        return new LoadReport(skipped);
    }
}
