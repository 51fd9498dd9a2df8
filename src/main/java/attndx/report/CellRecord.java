package attndx.report;

import java.util.List;
import java.util.Map;

/**
 * What a finished cell's {@code cell.json} holds: its index entry and the figures the tables are built from. Its
 * presence marks the cell done (it is written last, atomically), so a rerun skips the cell and reads this.
 *
 * @param format "attndx-experiment-cell/1"
 * @param cell the entry {@link ExperimentResults#cells} lists
 * @param figures per key, the figure: "auc", "sensAtSpec", "ecePercent" (diagnosis, test split), and per audited
 *     method M "deletionAuc.M", "insertionAuc.M", "stability.M", "pointingGame.M" (absent when the check did not
 *     run or the split has no masks)
 * @param warnings what the reader must know about this cell
 */
public record CellRecord(String format, ExperimentResults.Cell cell, Map<String, Figure> figures,
        List<String> warnings) {
    /** The format tag. */
    public static final String FORMAT = "attndx-experiment-cell/1";

    public CellRecord {
        figures = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(figures));
        warnings = List.copyOf(warnings);
    }

    /**
     * One figure of one cell.
     *
     * @param value the figure (NaN when undefined)
     * @param lower lower end of its patient-level bootstrap interval (NaN when it has none)
     * @param upper upper end
     */
    public record Figure(double value, double lower, double upper) {
        /** A figure without an interval. */
        public static Figure of(double value) {
            return new Figure(value, Double.NaN, Double.NaN);
        }
    }
}
