package attndx.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aggregates finished cells into the seed's tables: per row and column the mean and sample standard deviation over
 * seeds, each seed's value, and the mean over seeds of each seed's patient-level bootstrap bounds. Table 2
 * (diagnosis): backbone only, post-hoc Grad-CAM on it, the proposed model; Table 3 (ablation): one component added
 * per row; the extra table: SE and CBAM with Table 3's columns. A row whose variant was not run is left out.
 */
final class ExperimentTables {
    static final String AUC = "auc";
    static final String SENS = "sensAtSpec90";
    static final String ECE = "ecePercent";
    static final String DELETION = "deletionAuc";
    static final String STABILITY = "stability";
    static final String POINTING = "pointingGame";

    private final ExperimentConfig config;
    private final List<Long> seeds;
    private final Map<String, CellRecord> cells = new LinkedHashMap<>();

    ExperimentTables(ExperimentConfig config, List<CellRecord> records) {
        this.config = config;
        this.seeds = config.seeds();
        for (CellRecord r : records) {
            cells.put(r.cell().variant() + "/" + r.cell().seed(), r);
        }
    }

    /** Seed Table 2. */
    ExperimentResults.Table table2() {
        List<ExperimentResults.Row> rows = new ArrayList<>();
        List<String> posthoc = config.audit().posthocMethods();
        String gapMethod = posthoc.contains("cam") ? "cam" : posthoc.get(0);
        addRow(rows, "Backbone only (GAP)", Variant.GAP, gapMethod, List.of(AUC, SENS, ECE));
        if (posthoc.contains("gradcam")) {
            addRow(rows, "Post-hoc Grad-CAM (on the backbone)", Variant.GAP, "gradcam", List.of(AUC, SENS, ECE));
        }
        addRow(rows, "Proposed multi-scale attention", Variant.ATTN_MULTISCALE_CONS, attentionMethod(),
                List.of(AUC, SENS, ECE));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(AUC, "AUC");
        labels.put(SENS, String.format(Locale.ROOT, "Sens@Spec=%.2f", config.evaluation().targetSpecificity()));
        labels.put(ECE, "ECE (%)");
        return new ExperimentResults.Table("Table 2: diagnosis", List.copyOf(labels.keySet()), labels, rows,
                ExperimentReadings.diagnosis(rows, labels.get(SENS)));
    }

    /** Seed Table 3. */
    ExperimentResults.Table table3() {
        List<ExperimentResults.Row> rows = new ArrayList<>();
        List<String> columns = ablationColumns();
        for (Variant v : List.of(Variant.GAP, Variant.ATTN_SINGLE, Variant.ATTN_MULTISCALE,
                Variant.ATTN_MULTISCALE_CONS)) {
            addRow(rows, v.label(), v, method(v), columns);
        }
        return new ExperimentResults.Table("Table 3: ablation", columns, ablationLabels(columns), rows,
                ExperimentReadings.ablation(rows));
    }

    /** SE and CBAM, with Table 3's columns. */
    ExperimentResults.Table extra() {
        List<ExperimentResults.Row> rows = new ArrayList<>();
        List<String> columns = ablationColumns();
        for (Variant v : List.of(Variant.SE, Variant.CBAM)) {
            addRow(rows, v.label(), v, method(v), columns);
        }
        ExperimentResults.Row gap = row(Variant.GAP.label(), Variant.GAP, method(Variant.GAP), columns);
        return new ExperimentResults.Table("Further baselines: channel attention", columns, ablationLabels(columns),
                rows, ExperimentReadings.extra(rows, gap));
    }

    private List<String> ablationColumns() {
        List<String> columns = new ArrayList<>(List.of(AUC, DELETION, STABILITY, ECE));
        if (cells.values().stream().anyMatch(r -> r.figures().keySet().stream()
                .anyMatch(k -> k.startsWith(POINTING + ".")))) {
            columns.add(POINTING);
        }
        return columns;
    }

    private static Map<String, String> ablationLabels(List<String> columns) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> all = Map.of(AUC, "AUC", DELETION, "Deletion AUC (lower better)", STABILITY,
                "Stability (higher better)", ECE, "ECE (%)", POINTING, "Pointing game (higher better)");
        columns.forEach(c -> labels.put(c, all.get(c)));
        return labels;
    }

    private String attentionMethod() {
        return config.audit().attentionMethods().get(0);
    }

    private String method(Variant v) {
        return ExperimentSettings.methods(config, v).get(0);
    }

    private void addRow(List<ExperimentResults.Row> rows, String label, Variant v, String method,
            List<String> columns) {
        if (config.variants().contains(v.id())) {
            rows.add(row(label, v, method, columns));
        }
    }

    /** The row of {@code v}, or null when the variant was not run. */
    private ExperimentResults.Row row(String label, Variant v, String method, List<String> columns) {
        if (!config.variants().contains(v.id())) {
            return null;
        }
        Map<String, ExperimentResults.Value> values = new LinkedHashMap<>();
        for (String c : columns) {
            String key = switch (c) {
                case SENS -> "sensAtSpec";
                case DELETION, STABILITY, POINTING -> c + "." + method;
                default -> c;
            };
            values.put(c, value(v, key));
        }
        return new ExperimentResults.Row(label, v.id(), method, values);
    }

    /** The figure {@code key} of {@code v} over the seeds. */
    private ExperimentResults.Value value(Variant v, String key) {
        int n = seeds.size();
        double[] per = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            CellRecord r = cells.get(v.id() + "/" + seeds.get(i));
            CellRecord.Figure f = r == null ? null : r.figures().get(key);
            per[i] = f == null ? Double.NaN : f.value();
            lower[i] = f == null ? Double.NaN : f.lower();
            upper[i] = f == null ? Double.NaN : f.upper();
        }
        double mean = mean(per);
        double[] defined = Arrays.stream(per).filter(x -> !Double.isNaN(x)).toArray();
        double std = Double.NaN;
        if (defined.length >= 2) {
            double ss = 0;
            for (double x : defined) {
                ss += (x - mean) * (x - mean);
            }
            std = Math.sqrt(ss / (defined.length - 1));
        }
        return new ExperimentResults.Value(mean, std, per, mean(lower), mean(upper));
    }

    /** Mean of the defined entries (NaN when none). */
    private static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }
}
