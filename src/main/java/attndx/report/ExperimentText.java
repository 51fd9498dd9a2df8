package attndx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of {@link ExperimentResults} as plain text for the console: mean +- std over seeds [mean CI]. */
public final class ExperimentText {
    private ExperimentText() {}

    /** Every non-empty table with its reading, then the warnings' count. */
    public static String format(ExperimentResults r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d cells, seeds %s, %.1f s%n", r.name(), r.cells().size(),
                r.seeds(), r.seconds()));
        for (ExperimentResults.Table t : List.of(r.table2(), r.table3(), r.extra())) {
            if (!t.rows().isEmpty()) {
                b.append(System.lineSeparator()).append(table(t));
            }
        }
        b.append(System.lineSeparator()).append(flags(r));
        if (r.qc() != null) {
            b.append(String.format(Locale.ROOT, "Quality control (%s): %d of %d images flagged%s%n", r.qc().policy(),
                    r.qc().flagged(), r.qc().checked(), r.qc().excluded() > 0 ? ", " + r.qc().excluded()
                            + " left out" : ""));
        }
        if (!r.warnings().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%n%d warning(s), listed in results.json%n", r.warnings().size()));
        }
        return b.toString();
    }

    /** Per cell, the shortcut stress test's and the synthetic shift's verdicts. */
    static String flags(ExperimentResults r) {
        StringBuilder b = new StringBuilder("Shortcut test and synthetic shift, per cell").append(System.lineSeparator());
        for (ExperimentResults.Cell c : r.cells()) {
            b.append(String.format(Locale.ROOT, "  %-32s shortcut %-12s shift %s%n", c.variant() + " seed " + c.seed(),
                    verdict(c.shortcutFlagged(), "FLAGGED", "not flagged"), verdict(c.shiftFlagged(), "detected",
                            "NOT detected")));
        }
        return b.toString();
    }

    private static String verdict(Boolean v, String yes, String no) {
        return v == null ? "not run" : v ? yes : no;
    }

    /** One table: a header row, a row per method, the reading. */
    static String table(ExperimentResults.Table t) {
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("method"));
        t.columns().forEach(c -> head.add(t.labels().get(c)));
        lines.add(head.toArray(new String[0]));
        for (ExperimentResults.Row row : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            t.columns().forEach(c -> cells.add(cell(row.values().get(c), c.equals(ExperimentTables.ECE))));
            lines.add(cells.toArray(new String[0]));
        }
        int[] width = new int[head.size()];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder(t.title()).append(System.lineSeparator());
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                b.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", l[i]));
            }
            b.append(System.lineSeparator());
        }
        return b.append(t.reading()).append(System.lineSeparator()).toString();
    }

    /** "0.912 +- 0.010 [0.880, 0.940]"; a dash when absent, "n/a" when undefined. */
    static String cell(ExperimentResults.Value v, boolean percent) {
        if (v == null) {
            return "-";
        }
        String f = percent ? "%.1f" : "%.3f";
        StringBuilder b = new StringBuilder(num(f, v.mean()));
        if (!Double.isNaN(v.std())) {
            b.append(" +- ").append(num(f, v.std()));
        }
        if (!Double.isNaN(v.lower()) && !Double.isNaN(v.upper())) {
            b.append(" [").append(num(f, v.lower())).append(", ").append(num(f, v.upper())).append(']');
        }
        return b.toString();
    }

    private static String num(String f, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, f, v);
    }
}
