package attndx.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assembles the report page from a run: a heading and an opening paragraph per section written for a
 * clinician-researcher, each table and figure followed by its one-sentence reading. The page carries its own
 * style and images (data URIs): it loads nothing from anywhere and runs no script.
 */
final class ReportPage {
    private static final String[][] SECTIONS = {{"diagnosis", "Diagnosis"}, {"ablation", "Ablation"},
        {"variants", "Other attention"}, {"faithfulness", "Faithfulness"}, {"calibration", "Calibration"},
        {"selective", "Abstention"}, {"qualitative", "Examples"}, {"distributions", "Per-image spread"},
        {"stress", "Stress test"}, {"flags", "Flags"}, {"provenance", "Provenance"}};

    private ReportPage() {}

    static String html(ReportData.Run run) {
        ExperimentResults r = run.results();
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>AttnDx report: ")
                .append(Html.escape(r.name())).append("</title>\n<style>\n").append(ReportAssets.css())
                .append("</style>\n</head>\n<body>\n");
        header(sb, run);
        sb.append("<nav>");
        for (String[] s : SECTIONS) {
            if (!s[0].equals("variants") || hasRows(r.extra())) {
                sb.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
            }
        }
        sb.append("</nav>\n<main>\n");
        warnings(sb, run.warnings());
        int seeds = r.seeds().size();
        table(sb, "diagnosis", "Diagnosis (table 2)", "How well each model separates the classes on held-out patients:"
                + " the area under the ROC curve, the sensitivity at the threshold giving 90% specificity on the"
                + " validation patients (applied unchanged to test), and the calibration error after temperature"
                + " scaling.", r.table2(), seeds);
        table(sb, "ablation", "Ablation (table 3)", "What each part of the proposed model adds: attention, fusion of"
                + " several scales, and the consistency loss. Deletion area: how fast the prediction drops when the"
                + " pixels the explanation marks are removed (lower is more faithful). Stability: how much the"
                + " explanation stays the same under small, harmless changes of the image (higher is better).",
                r.table3(), seeds);
        if (hasRows(r.extra())) {
            table(sb, "variants", "Other attention modules", "Channel attention (SE) and channel-plus-spatial"
                    + " attention (CBAM) measured the same way as the ablation.", r.extra(), seeds);
        }
        ReportSections.figures(sb, run);
        ReportSections.flags(sb, run);
        ReportSections.provenance(sb, run);
        sb.append("</main>\n<footer>Written by attndx report from ").append(Html.escape(run.dir().toString()))
                .append("</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb, ReportData.Run run) {
        ExperimentResults r = run.results();
        long missing = run.cells().stream().filter(c -> c.evaluation() == null || c.audit() == null).count();
        sb.append("<header>\n<h1>Experiment report: ").append(Html.escape(r.name())).append("</h1>\n<p>")
                .append(ReportFigures.byVariant(run.cells()).size()).append(" model variants × ")
                .append(r.seeds().size()).append(r.seeds().size() == 1 ? " seed" : " seeds").append(" (")
                .append(run.cells().size()).append(" cells").append(missing > 0 ? ", " + missing + " incomplete" : "")
                .append("), ").append(duration(r.seconds())).append(" of computing.</p>\n<p>Run ")
                .append(Html.escape(r.provenance() == null ? "" : r.provenance().createdAt())).append(" · AttnDx ")
                .append(Html.escape(r.provenance() == null ? "?" : r.provenance().codeVersion()))
                .append("</p>\n</header>\n");
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "an unknown time";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static void warnings(StringBuilder sb, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        sb.append("<div class=\"warnings\"><h2>Please note</h2><ul>\n");
        warnings.forEach(w -> sb.append("<li>").append(Html.escape(w)).append("</li>\n"));
        sb.append("</ul></div>\n");
    }

    private static void table(StringBuilder sb, String id, String title, String intro, ExperimentResults.Table t,
            int seeds) {
        open(sb, id, title, intro);
        sb.append(ReportTables.table(t, seeds));
        if (t.reading() != null && !t.reading().isBlank()) {
            sb.append("<p class=\"reading\">").append(Html.escape(t.reading())).append("</p>\n");
        }
        sb.append("</section>\n");
    }

    static void open(StringBuilder sb, String id, String title, String intro) {
        sb.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(title)).append("</h2>\n")
                .append("<p class=\"intro\">").append(Html.escape(intro)).append("</p>\n");
    }

    static void figures(StringBuilder sb, List<Figure> figures) {
        sb.append("<div class=\"grid\">\n");
        for (Figure f : figures) {
            sb.append("<figure style=\"width:").append(f.width()).append("px\"><img src=\"").append(f.dataUri()).append("\" alt=\"").append(Html.escape(f.title()))
                    .append("\"><figcaption><b>").append(Html.escape(f.title())).append(".</b> ")
                    .append("<span class=\"reading\">").append(Html.escape(f.reading())).append("</span>")
                    .append("</figcaption></figure>\n");
        }
        sb.append("</div>\n");
    }

    private static boolean hasRows(ExperimentResults.Table t) {
        return t != null && t.rows() != null && !t.rows().isEmpty();
    }

    /** Key-value rows, escaped. */
    static void definitions(StringBuilder sb, Map<String, String> rows) {
        sb.append("<dl class=\"prov\">\n");
        rows.forEach((k, v) -> sb.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v))
                .append("</dd>\n"));
        sb.append("</dl>\n");
    }
}
