package attndx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sentence per table, computed from its means over seeds: what each step changed, said plainly when it did not
 * help (a change smaller than the seeds' spread is called "about the same" only when the spread is known).
 */
final class ExperimentReadings {
    private ExperimentReadings() {}

    /** Table 2: the proposed model against the backbone. */
    static String diagnosis(List<ExperimentResults.Row> rows, String sensLabel) {
        ExperimentResults.Row gap = find(rows, Variant.GAP.id());
        ExperimentResults.Row proposed = find(rows, Variant.ATTN_MULTISCALE_CONS.id());
        if (gap == null || proposed == null) {
            return "Not comparable: Table 2 needs the variants gap and attn-multiscale-cons.";
        }
        return "Against the backbone alone, the proposed multi-scale attention model "
                + change("AUC", gap, proposed, ExperimentTables.AUC, true, "%.3f") + ", "
                + change(sensLabel, gap, proposed, ExperimentTables.SENS, true, "%.3f") + " and "
                + change("ECE after temperature scaling", gap, proposed, ExperimentTables.ECE, false, "%.1f%%")
                + "; post-hoc Grad-CAM explains the backbone without changing its predictions.";
    }

    /** Table 3: each added component against the row before it. */
    static String ablation(List<ExperimentResults.Row> rows) {
        if (rows.size() < 2) {
            return "Not comparable: the ablation needs at least two of gap, attn-single, attn-multiscale,"
                    + " attn-multiscale-cons.";
        }
        List<String> steps = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            ExperimentResults.Row a = rows.get(i - 1);
            ExperimentResults.Row b = rows.get(i);
            steps.add(step(a.variant(), b.variant()) + " " + change("deletion AUC", a, b, ExperimentTables.DELETION, false, "%.3f")
                    + " and " + change("stability", a, b, ExperimentTables.STABILITY, true, "%.3f"));
        }
        return capitalise(String.join("; ", steps)) + ".";
    }

    /** The extra table: each channel-attention baseline against the GAP backbone. */
    static String extra(List<ExperimentResults.Row> rows, ExperimentResults.Row gap) {
        if (rows.isEmpty()) {
            return "Not run: add se and/or cbam to the variants.";
        }
        List<String> parts = new ArrayList<>();
        for (ExperimentResults.Row r : rows) {
            parts.add(gap == null
                    ? r.label() + " reached AUC " + fmt("%.3f", mean(r, ExperimentTables.AUC)) + " and deletion AUC "
                            + fmt("%.3f", mean(r, ExperimentTables.DELETION))
                    : r.label() + " " + change("AUC", gap, r, ExperimentTables.AUC, true, "%.3f") + " and "
                            + change("deletion AUC", gap, r, ExperimentTables.DELETION, false, "%.3f"));
        }
        return (gap == null ? "" : "Against the GAP backbone, ") + String.join("; ", parts) + ".";
    }

    /** What changed from row {@code from} to row {@code to}: one ablation step, or several when rows are missing. */
    private static String step(String from, String to) {
        Variant a = Variant.of(from);
        Variant b = Variant.of(to);
        if (b.ordinal() != a.ordinal() + 1) {
            return b.id() + " against " + a.id();
        }
        return switch (b) {
            case ATTN_SINGLE -> "single-scale attention";
            case ATTN_MULTISCALE -> "multi-scale fusion";
            case ATTN_MULTISCALE_CONS -> "the consistency loss";
            default -> b.id();
        };
    }

    /** "raised X from a to b", "lowered X from a to b" (better or worse said plainly), or "left X at a". */
    private static String change(String name, ExperimentResults.Row from, ExperimentResults.Row to, String column,
            boolean higherBetter, String format) {
        double a = mean(from, column);
        double b = mean(to, column);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "left " + name + " undefined (" + fmt(format, a) + " to " + fmt(format, b) + ")";
        }
        String sa = fmt(format, a);
        String sb = fmt(format, b);
        if (sa.equals(sb)) {
            return "left " + name + " at " + sa + " (no change)";
        }
        boolean better = higherBetter == (b > a);
        String verb = b > a ? "raised " : "lowered ";
        return verb + name + " from " + sa + " to " + sb + (better ? "" : " (worse: it did not help)");
    }

    private static double mean(ExperimentResults.Row r, String column) {
        ExperimentResults.Value v = r.values().get(column);
        return v == null ? Double.NaN : v.mean();
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    private static ExperimentResults.Row find(List<ExperimentResults.Row> rows, String variant) {
        return rows.stream().filter(r -> r.variant().equals(variant)).findFirst().orElse(null);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
