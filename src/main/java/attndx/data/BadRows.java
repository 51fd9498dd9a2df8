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

    /**
     * Fails with {@code error}'s message prefixed by {@code where}, or records the message against
     * {@code where} when skipping is on.
     */
    void handle(String where, AttndxException error) {
        if (!skip) {
            throw new AttndxException(where + ": " + error.getMessage(), error);
        }
        skipped.add(new LoadReport.Skipped(where, error.getMessage()));
    }

    LoadReport report() {
        return new LoadReport(skipped);
    }
}
