package attndx.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code attndx report} reads from a run folder, as plain records: the experiment's results and, per cell, the
 * few figures' data it draws from the cell's evaluation.json, audit.json and per-image.csv. A part that is missing
 * is null (and named in {@link Run#warnings}), never zeros.
 */
public final class ReportData {
    private ReportData() {}

    /**
     * A whole run.
     *
     * @param dir the run folder
     * @param results results.json
     * @param experiment experiment.json pretty-printed, or null when absent
     * @param cells every cell of results.json, in its order
     * @param warnings what the reader must know: results' own warnings, then missing parts of cells
     */
    public record Run(Path dir, ExperimentResults results, String experiment, List<CellData> cells,
            List<String> warnings) {}

    /**
     * One cell.
     *
     * @param cell its entry in results.json
     * @param evaluation its evaluation, or null when evaluation.json is missing
     * @param audit its audit, or null when audit.json is missing
     */
    public record CellData(ExperimentResults.Cell cell, Evaluation evaluation, Audit audit) {
        /** "variant / seed S", as the report names cells. */
        public String name() {
            return cell.variant() + " / seed " + cell.seed();
        }
    }

    /**
     * The figures' data of one evaluation.
     *
     * @param temperature the fitted temperature (NaN when none was fitted)
     * @param eceBefore ECE before scaling; eceAfter after (NaN when not fitted)
     * @param before equal-width reliability bins before scaling; after likewise (empty when not fitted)
     * @param coverage selective prediction along the risk-coverage curve (at the configured coverages for evaluations
     *     that did not store the curve; empty for multi-label tasks)
     * @param chosen the abstention threshold chosen on validation, or null
     * @param shiftFlagRate fraction of test images the shift detector flags (NaN without a detector)
     * @param shiftP the KS p-value of the test cohort against validation (NaN without a detector)
     * @param stress per synthetic shift kind, AUC per strength
     * @param warnings the evaluation's warnings
     */
    public record Evaluation(double temperature, double eceBefore, double eceAfter, List<Bin> before, List<Bin> after,
            List<Coverage> coverage, Coverage chosen, double shiftFlagRate, double shiftP,
            Map<String, List<StressPoint>> stress, List<String> warnings) {}

    /**
     * One reliability bin.
     *
     * @param count images in the bin
     * @param confidence mean confidence (NaN when empty)
     * @param accuracy accuracy (NaN when empty)
     */
    public record Bin(int count, double confidence, double accuracy) {}

    /**
     * One operating point of selective prediction.
     *
     * @param target the target coverage
     * @param threshold the confidence threshold
     * @param coverage the coverage reached on test
     * @param risk 1 - accuracy on the accepted images
     */
    public record Coverage(double target, double threshold, double coverage, double risk) {}

    /**
     * One level of a stress test.
     *
     * @param strength the shift strength
     * @param auc AUC at that strength (NaN when undefined)
     * @param flagRate fraction of images the shift detector flags
     */
    public record StressPoint(double strength, double auc, double flagRate) {}

    /**
     * The figures' data of one audit.
     *
     * @param deletion per method (the random reference included), the mean deletion curve
     * @param insertion likewise for insertion
     * @param perImage per per-image.csv column, its values (NaN where the check skipped the image)
     * @param overlays per method, the best, median and worst overlay PNGs, in that order
     * @param shortcutFlagged the shortcut stress test's verdict (null when it did not run)
     * @param shortcutReason its reason, or null
     * @param warnings the audit's warnings
     */
    public record Audit(Map<String, double[]> deletion, Map<String, double[]> insertion,
            Map<String, double[]> perImage, Map<String, List<Path>> overlays, Boolean shortcutFlagged,
            String shortcutReason, List<String> warnings) {}
}
