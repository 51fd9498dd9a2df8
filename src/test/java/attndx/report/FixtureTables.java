package attndx.report;

import attndx.core.Json;
import attndx.core.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables the experiment runner writes into results.json, computed here by hand from the fixture's cell files
 * (mean and sample std over seeds, the seeds' bootstrap bounds averaged), as {@link ExperimentResults} specifies.
 */
final class FixtureTables {
    private static final Map<String, String> LABELS = Map.of("auc", "AUC", "sensAtSpec90", "Sens@Spec=0.90",
            "ecePercent", "ECE (%)", "deletionAuc", "Deletion AUC (lower better)", "stability",
            "Stability (higher better)");

    private FixtureTables() {}

    static ExperimentResults results(Path run, Provenance provenance, List<ExperimentResults.Cell> cells,
            List<Long> seeds, ExperimentResults.Qc qc) {
        List<String> t2 = List.of("auc", "sensAtSpec90", "ecePercent");
        List<String> t3 = List.of("auc", "deletionAuc", "stability", "ecePercent");
        List<ExperimentResults.Row> rows2 = List.of(row(run, cells, "Backbone only (GAP)", "gap", null, t2),
                row(run, cells, "+ Grad-CAM (post hoc)", "gap", "gradcam", t2),
                row(run, cells, "Multi-scale attention (proposed)", "attn-multiscale", "attention", t2));
        List<ExperimentResults.Row> rows3 = List.of(row(run, cells, "Backbone only (GAP)", "gap", "cam", t3),
                row(run, cells, "+ multi-scale attention", "attn-multiscale", "attention", t3));
        double gap = rows2.get(0).values().get("auc").mean();
        double attn = rows2.get(2).values().get("auc").mean();
        String reading2 = String.format(Locale.ROOT, "Multi-scale attention reached AUC %.3f against %.3f for the"
                + " backbone alone.", attn, gap);
        String reading3 = String.format(Locale.ROOT, "Multi-scale attention changed the deletion area from %.3f to"
                + " %.3f.", rows3.get(0).values().get("deletionAuc").mean(),
                rows3.get(1).values().get("deletionAuc").mean());
        double seconds = cells.stream().mapToDouble(ExperimentResults.Cell::seconds).sum();
        return new ExperimentResults(ExperimentResults.FORMAT, provenance, "report-fixture", seeds, cells,
                new ExperimentResults.Table("Table 2: diagnosis", t2, LABELS, rows2, reading2),
                new ExperimentResults.Table("Table 3: ablation", t3, LABELS, rows3, reading3),
                new ExperimentResults.Table("Further attention modules", t3, LABELS, List.of(), ""),
                List.of("fixture: two training epochs per cell, the figures show the plumbing, not a trained model"),
                seconds, qc);
    }

    private static ExperimentResults.Row row(Path run, List<ExperimentResults.Cell> cells, String label,
            String variant, String method, List<String> columns) {
        Map<String, ExperimentResults.Value> values = new LinkedHashMap<>();
        for (String column : columns) {
            if (method == null && (column.equals("deletionAuc") || column.equals("stability"))) {
                continue;
            }
            List<double[]> perSeed = new ArrayList<>();
            for (ExperimentResults.Cell c : cells) {
                if (c.variant().equals(variant)) {
                    perSeed.add(figure(run.resolve(c.dir()), column, method));
                }
            }
            values.put(column, value(perSeed));
        }
        return new ExperimentResults.Row(label, variant, method, values);
    }

    /** {value, lower, upper} of one column in one cell (NaN bounds where the figure has no interval). */
    private static double[] figure(Path cell, String column, String method) {
        JsonNode e = Json.read(cell.resolve("evaluation/evaluation.json"), JsonNode.class).get("report");
        JsonNode a = Json.read(cell.resolve("audit/audit.json"), JsonNode.class);
        JsonNode cls = e.at("/diagnostic/perClass/0");
        return switch (column) {
            case "auc" -> ci(cls.get("auc"));
            case "sensAtSpec90" -> ci(cls.at("/atValidationThreshold/sensitivity"));
            case "ecePercent" -> new double[] {100 * e.at("/calibration/0/after/ece").asDouble(Double.NaN),
                Double.NaN, Double.NaN};
            case "deletionAuc" -> new double[] {a.at("/faithfulness/" + method + "/deletion/area/mean").asDouble(),
                Double.NaN, Double.NaN};
            case "stability" -> new double[] {a.at("/stability/" + method + "/s/overall/mean").asDouble(), Double.NaN,
                Double.NaN};
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static double[] ci(JsonNode n) {
        return new double[] {n.get("value").asDouble(), n.get("lower").asDouble(), n.get("upper").asDouble()};
    }

    private static ExperimentResults.Value value(List<double[]> perSeed) {
        double[] v = perSeed.stream().mapToDouble(d -> d[0]).toArray();
        // over the seeds where the figure is defined; NaN only when it is undefined in every seed
        double[] defined = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
        double mean = java.util.Arrays.stream(defined).average().orElse(Double.NaN);
        double ss = java.util.Arrays.stream(defined).map(x -> (x - mean) * (x - mean)).sum();
        double std = defined.length < 2 ? Double.NaN : Math.sqrt(ss / (defined.length - 1));
        return new ExperimentResults.Value(mean, std, v, perSeed.stream().mapToDouble(d -> d[1]).average()
                .orElse(Double.NaN), perSeed.stream().mapToDouble(d -> d[2]).average().orElse(Double.NaN));
    }
}
