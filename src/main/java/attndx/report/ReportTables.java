package attndx.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a table of {@link ExperimentResults} as HTML in the seed's format: per cell "mean ± std" over seeds with
 * the patient-level bootstrap interval below it, a dash where the column does not apply to the row, and "undefined"
 * (with a tooltip) where the figure could not be computed in any seed.
 */
final class ReportTables {
    private ReportTables() {}

    static String table(ExperimentResults.Table t, int seeds) {
        StringBuilder sb = new StringBuilder("<table class=\"results\">\n<caption>")
                .append(Html.escape(t.title())).append("</caption>\n<thead><tr><th>Method</th>");
        for (String c : t.columns()) {
            sb.append("<th>").append(Html.escape(t.labels().getOrDefault(c, c))).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (ExperimentResults.Row r : t.rows()) {
            sb.append("<tr><th scope=\"row\">").append(Html.escape(r.label()));
            if (r.method() != null && !r.method().isBlank()) {
                sb.append("<div class=\"sub\">").append(Html.escape(r.variant())).append(" · explained by ")
                        .append(Html.escape(r.method())).append("</div>");
            }
            sb.append("</th>");
            for (String c : t.columns()) {
                sb.append(cell(r.values().get(c), c));
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n<p class=\"note\">Mean ± standard deviation over ").append(seeds)
                .append(seeds == 1 ? " seed" : " seeds")
                .append("; below it the 95% patient-level bootstrap interval (averaged over seeds). "
                        + "A dash: not applicable to this method.</p>\n");
        return sb.toString();
    }

    private static String cell(ExperimentResults.Value v, String column) {
        if (v == null) {
            return "<td class=\"na\">–</td>";
        }
        if (Double.isNaN(v.mean())) {
            return "<td class=\"undef\" title=\"undefined in every seed (e.g. a split with one class); see the"
                    + " warnings\">undefined</td>";
        }
        int d = decimals(column);
        StringBuilder sb = new StringBuilder("<td><span class=\"mean\">").append(format(v.mean(), d)).append("</span>");
        if (!Double.isNaN(v.std())) {
            sb.append(" ± ").append(format(v.std(), d));
        }
        if (!Double.isNaN(v.lower()) && !Double.isNaN(v.upper())) {
            sb.append("<div class=\"ci\">[").append(format(v.lower(), d)).append(", ").append(format(v.upper(), d))
                    .append("]</div>");
        }
        return sb.append("</td>").toString();
    }

    /** Percentages carry one decimal, fractions (AUC, sensitivity, areas, stability) three. */
    static int decimals(String column) {
        return column.toLowerCase(Locale.ROOT).contains("percent") ? 1 : 3;
    }

    static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The flag table: per cell, the shortcut and shift verdicts and the cohort's shift figures. */
    static String flags(List<ReportData.CellData> cells) {
        StringBuilder sb = new StringBuilder("<table class=\"flags\"><thead><tr><th>Cell</th><th>Shortcut test</th>"
                + "<th>Synthetic shift</th><th>Test images flagged as shifted</th><th>KS p (test vs val)"
                + "</th><th>Evaluation</th><th>Audit</th></tr></thead><tbody>\n");
        for (ReportData.CellData c : cells) {
            ReportData.Evaluation e = c.evaluation();
            sb.append("<tr><th scope=\"row\">").append(Html.escape(c.name())).append("</th>")
                    .append(verdict(c.cell().shortcutFlagged(), "flagged", "not flagged", false))
                    .append(verdict(c.cell().shiftFlagged(), "detected", "missed", true))
                    .append("<td>").append(e == null || Double.isNaN(e.shiftFlagRate()) ? "–"
                            : format(100 * e.shiftFlagRate(), 0) + "%").append("</td><td>")
                    .append(e == null || Double.isNaN(e.shiftP()) ? "–" : format(e.shiftP(), 3)).append("</td>")
                    .append(e == null ? "<td class=\"bad\">missing</td>" : "<td>" + e.warnings().size()
                            + " warning(s)</td>")
                    .append(c.audit() == null ? "<td class=\"bad\">missing</td>" : "<td>" + c.audit().warnings().size()
                            + " warning(s)</td>")
                    .append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    /** The data's quality-control screen: a reading, and the images failing each check. */
    static String qc(ExperimentResults.Qc qc) {
        if (qc == null) {
            return "<p class=\"missing\">Quality control: not recorded in this run's results.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<p class=\"reading\">Quality control (the checks of <code>attndx data"
                + " qc</code>, before training) flagged ").append(qc.flagged()).append(" of ").append(qc.checked())
                .append(" images; policy <b>").append(Html.escape(qc.policy())).append("</b>: ")
                .append(qc.excluded() > 0 ? qc.excluded() + " left out of every split" : "all kept").append(".</p>\n");
        if (!qc.byCheck().isEmpty()) {
            sb.append("<table class=\"qc\"><thead><tr><th>QC check</th><th>Images flagged</th></tr></thead><tbody>\n");
            qc.byCheck().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(
                    "<tr><th scope=\"row\">").append(Html.escape(e.getKey())).append("</th><td>").append(e.getValue())
                    .append("</td></tr>\n"));
            sb.append("</tbody></table>\n");
        }
        return sb.toString();
    }

    /** A flag: a shortcut found is bad news, a synthetic shift detected is the detector doing its job. */
    private static String verdict(Boolean flagged, String yes, String no, boolean flaggedIsGood) {
        if (flagged == null) {
            return "<td class=\"na\">not run</td>";
        }
        boolean good = flagged == flaggedIsGood;
        return "<td class=\"" + (good ? "good" : "bad") + "\">" + (flagged ? yes : no) + "</td>";
    }
}
