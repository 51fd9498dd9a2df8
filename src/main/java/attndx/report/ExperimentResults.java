package attndx.report;

import attndx.core.Provenance;
import java.util.List;
import java.util.Map;

/**
 * What {@code RUN_DIR/results.json} holds: the experiment's aggregated tables (seed Tables 2 and 3) and an index of
 * its finished cells. Written by the experiment runner when every cell is done; read by {@code attndx report}, which
 * takes the figures' data (curves, reliability bins, overlays, distributions) from each cell's own files.
 *
 * <p>Layout of a run folder:
 * <pre>
 * RUN_DIR/experiment.json                     the resolved config and provenance
 * RUN_DIR/cells/VARIANT/seed-S/cell.json      a finished cell's record (written last: its presence = done)
 * RUN_DIR/cells/VARIANT/seed-S/model/         the trained model (model.json, parameters)
 * RUN_DIR/cells/VARIANT/seed-S/evaluation/    evaluation.json and plots of EvaluationRun (test split)
 * RUN_DIR/cells/VARIANT/seed-S/audit/         audit.json, per-image.csv, curves, overlays of AuditRun
 * RUN_DIR/results.json                        this record
 * </pre>
 *
 * @param format "attndx-experiment-results/1"
 * @param provenance the experiment's provenance (resolved config, data fingerprint, seeds, code versions, time)
 * @param name the experiment's name (from its config)
 * @param seeds the seeds run, in order
 * @param cells every finished cell
 * @param table2 diagnosis (seed Table 2)
 * @param table3 ablation (seed Table 3)
 * @param extra further variants (SE, CBAM, ...) with the same columns as Table 3, or an empty table
 * @param warnings what the reader must know (a cell that failed, an undefined figure), in order
 * @param seconds wall time of the whole experiment (all cells, this and earlier resumed runs)
 * @param qc the quality-control screen of the experiment's data (null in results written before it existed)
 */
public record ExperimentResults(String format, Provenance provenance, String name, List<Long> seeds,
        List<Cell> cells, Table table2, Table table3, Table extra, List<String> warnings, double seconds, Qc qc) {

    /**
     * The quality-control screen (the checks and default thresholds of {@code attndx data qc}) of every image of the
     * experiment, before training, and what the {@code data.qc} policy did with the flagged ones.
     *
     * @param policy "flag" (kept) or "exclude" (left out of every split)
     * @param checked images checked
     * @param flagged images failing at least one check
     * @param excluded images left out (0 under "flag")
     * @param byCheck images failing each check (an image can fail several)
     */
    public record Qc(String policy, int checked, int flagged, int excluded, Map<String, Integer> byCheck) {
        public Qc {
            byCheck = Map.copyOf(byCheck);
        }
    }

    /** The format tag of this record. */
    public static final String FORMAT = "attndx-experiment-results/1";

    /**
     * One finished cell: a model variant trained with one seed, evaluated and audited.
     *
     * @param variant the variant's name (e.g. "gap", "attn-single", "attn-multiscale", "attn-multiscale-cons")
     * @param seed the seed
     * @param dir the cell's folder, relative to the run folder (e.g. "cells/gap/seed-1")
     * @param seconds wall time of the cell (training, evaluation, audit)
     * @param shortcutFlagged the shortcut stress test's verdict on this cell (null when it did not run)
     * @param shiftFlagged whether the synthetic shift was flagged (null when it did not run)
     * @param stageSeconds wall time of each stage: training, evaluation, audit
     */
    public record Cell(String variant, long seed, String dir, double seconds, Boolean shortcutFlagged,
            Boolean shiftFlagged, Map<String, Double> stageSeconds) {
        public Cell {
            stageSeconds = stageSeconds == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(stageSeconds));
        }
    }

    /**
     * A table in the seed's format.
     *
     * @param title e.g. "Table 2: diagnosis"
     * @param columns the column keys, in order (e.g. "auc", "sensAtSpec90", "ecePercent", "deletionAuc",
     *     "stability"); {@link #labels} gives their headings
     * @param labels heading per column key (e.g. "AUC", "Sens@Spec=0.90", "ECE (%)", "Deletion AUC (lower better)")
     * @param rows the rows, in order
     * @param reading one sentence that reads the table (e.g. "multi-scale fusion raised ... from x to y")
     */
    public record Table(String title, List<String> columns, Map<String, String> labels, List<Row> rows,
            String reading) {}

    /**
     * One row: a method and its value per column.
     *
     * @param label the row's heading (e.g. "Backbone only (GAP)", "+ Grad-CAM (post hoc)")
     * @param variant the cell variant the numbers come from
     * @param method the explanation method the explanation columns use (e.g. "attention", "gradcam", "cam")
     * @param values per column key (absent: not applicable, shown as a dash)
     */
    public record Row(String label, String variant, String method, Map<String, Value> values) {}

    /**
     * One figure over seeds.
     *
     * @param mean mean over seeds (NaN when undefined in every seed)
     * @param std sample standard deviation over seeds (NaN for one seed)
     * @param perSeed the value of each seed, in {@link ExperimentResults#seeds} order (NaN where undefined)
     * @param lower lower end of the patient-level bootstrap interval (mean over seeds of each seed's bound;
     *     NaN where the figure has no interval)
     * @param upper upper end, likewise
     */
    public record Value(double mean, double std, double[] perSeed, double lower, double upper) {}
}
