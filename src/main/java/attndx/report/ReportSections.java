package attndx.report;

import attndx.core.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's figure sections, the flag table and the provenance section. */
final class ReportSections {
    private static final String[] PICKS = {"best", "median", "worst"};
    private static final String NO_DATA = "<p class=\"missing\">No data: the cells' evaluation or audit files that"
            + " feed this section are missing or did not run this check (see the notes at the top).</p>\n";

    private ReportSections() {}

    static void figures(StringBuilder sb, ReportData.Run run) {
        List<ReportData.CellData> cells = run.cells();
        List<Figure> faith = new ArrayList<>();
        for (boolean deletion : new boolean[] {true, false}) {
            Figure f = ReportFigures.faithfulness(cells, deletion);
            if (f != null) {
                faith.add(f);
            }
        }
        section(sb, "faithfulness", "Faithfulness of the explanations (figure 1)", "Does the highlighted region"
                + " really drive the prediction? Pixels are removed (deletion) or restored (insertion) in the order of"
                + " the explanation's importance, and the model's probability is followed. The dashed line is a random"
                + " map: an explanation is only informative where it beats it. Error bars: ±1 standard deviation over"
                + " seeds.", faith);
        section(sb, "calibration", "Calibration before and after temperature scaling", "When the model says 80%,"
                + " is it right 80% of the time? Each point is a group of test images with similar confidence.",
                ReportFigures.reliability(cells));
        Figure rc = ReportFigures.riskCoverage(cells);
        section(sb, "selective", "Abstention: risk against coverage", "The model may refer its least confident"
                + " cases to a human reader. Deciding fewer images (lower coverage) should lower the error among"
                + " those it decides; the diamond marks the threshold chosen on the validation patients.",
                rc == null ? List.of() : List.of(rc));
        overlays(sb, cells);
        distributions(sb, cells);
        section(sb, "stress", "Stress test under synthetic shift", "Contrast, gamma and noise changes of growing"
                + " strength imitate another scanner or protocol; the curves show how discrimination degrades.",
                ReportFigures.stress(cells));
    }

    /** Deletion area and stability each under its own subheading. */
    private static void distributions(StringBuilder sb, List<ReportData.CellData> cells) {
        ReportPage.open(sb, "distributions", "Per-image spread of deletion area and stability", "Averages can hide"
                + " images where an explanation fails. Each histogram pools the audited test images of all seeds;"
                + " grey bars: the random map on the same images.");
        List<Figure> deletion = DistributionFigures.histograms(cells, ".deletion", "deletion area", true);
        List<Figure> stability = DistributionFigures.histograms(cells, ".stability", "stability", false);
        if (deletion.isEmpty() && stability.isEmpty()) {
            sb.append(NO_DATA);
        }
        for (List<Figure> group : List.of(deletion, stability)) {
            if (!group.isEmpty()) {
                sb.append("<h3>").append(group == deletion ? "Deletion area (lower is more faithful)"
                        : "Stability under harmless perturbations (higher is better)").append("</h3>\n");
                ReportPage.figures(sb, group);
            }
        }
        sb.append("</section>\n");
    }

    private static void section(StringBuilder sb, String id, String title, String intro, List<Figure> figures) {
        ReportPage.open(sb, id, title, intro);
        if (figures.isEmpty()) {
            sb.append(NO_DATA);
        } else {
            ReportPage.figures(sb, figures);
        }
        sb.append("</section>\n");
    }

    /** Figure 2: per variant (its first seed with an audit) and method, the best, median and worst image. */
    private static void overlays(StringBuilder sb, List<ReportData.CellData> cells) {
        ReportPage.open(sb, "qualitative", "Example explanations (figure 2)", "For each method, the image where the"
                + " explanation was most faithful (best), a typical one (median) and the least faithful (worst),"
                + " ranked by insertion minus deletion area. Warm colours mark the regions the method credits.");
        boolean any = false;
        for (Map.Entry<String, List<ReportData.CellData>> v : ReportFigures.byVariant(cells).entrySet()) {
            ReportData.CellData cell = v.getValue().stream().filter(c -> c.audit() != null).findFirst().orElse(null);
            if (cell == null || cell.audit().overlays().isEmpty()) {
                continue;
            }
            any = true;
            sb.append("<h3>").append(Html.escape(v.getKey())).append(" <span class=\"sub\">seed ")
                    .append(cell.cell().seed()).append("</span></h3>\n<div class=\"overlays\"><div></div>");
            for (String p : PICKS) {
                sb.append("<div class=\"head\">").append(p).append("</div>");
            }
            cell.audit().overlays().forEach((method, files) -> {
                if (method.equals("random")) {
                    return;
                }
                sb.append("\n<div class=\"label\">").append(Html.escape(method)).append("</div>");
                for (Path f : files) {
                    sb.append("<img src=\"").append(ReportAssets.png(f)).append("\" alt=\"")
                            .append(Html.escape(method + " " + f.getFileName())).append("\" title=\"")
                            .append(Html.escape(f.getFileName().toString())).append("\">");
                }
                for (int k = files.size(); k < PICKS.length; k++) {
                    sb.append("<div class=\"missing\">–</div>");
                }
            });
            sb.append("</div>\n");
        }
        if (!any) {
            sb.append("<p class=\"missing\">No overlays: no cell has an audit with overlays.</p>\n");
        } else {
            sb.append("<p class=\"reading\">Compare the median column across methods: it is what a reader would"
                    + " usually see.</p>\n");
        }
        sb.append("</section>\n");
    }

    static void flags(StringBuilder sb, ReportData.Run run) {
        ReportPage.open(sb, "flags", "Shortcut, shift and quality flags", "Shortcut test flagged: the model relies"
                + " on an artefact region (bad). Synthetic shift detected: the shift detector noticed the simulated"
                + " scanner change (good; missed is bad). The share of unshifted test images flagged should stay near"
                + " the detector's false-flag rate. Each cell's own warnings (including data-quality notes) are listed"
                + " below the table.");
        sb.append(ReportTables.flags(run.cells()));
        long shortcut = run.cells().stream().filter(c -> Boolean.TRUE.equals(c.cell().shortcutFlagged())).count();
        long shift = run.cells().stream().filter(c -> Boolean.TRUE.equals(c.cell().shiftFlagged())).count();
        sb.append("<p class=\"reading\">").append(shortcut).append(" of ").append(run.cells().size())
                .append(" cells flagged by the shortcut test; the synthetic shift was detected in ").append(shift)
                .append(".</p>\n");
        sb.append(ReportTables.qc(run.results().qc()));
        sb.append("<details><summary>Warnings per cell</summary><ul>\n");
        for (ReportData.CellData c : run.cells()) {
            List<String> w = new ArrayList<>();
            if (c.evaluation() != null) {
                w.addAll(c.evaluation().warnings());
            }
            if (c.audit() != null) {
                w.addAll(c.audit().warnings());
                if (c.audit().shortcutReason() != null) {
                    w.add("shortcut test: " + c.audit().shortcutReason());
                }
            }
            w.forEach(s -> sb.append("<li><b>").append(Html.escape(c.name())).append(":</b> ")
                    .append(Html.escape(s)).append("</li>\n"));
        }
        sb.append("</ul></details>\n</section>\n");
    }

    static void provenance(StringBuilder sb, ReportData.Run run) {
        ExperimentResults r = run.results();
        ReportPage.open(sb, "provenance", "Configuration and provenance", "Everything needed to trace these numbers"
                + " back to the code, data and settings that produced them.");
        Map<String, String> rows = new LinkedHashMap<>();
        Provenance p = r.provenance();
        rows.put("experiment", r.name());
        rows.put("seeds", r.seeds().toString());
        if (p != null) {
            rows.put("data fingerprint", p.dataFingerprint());
            rows.put("AttnDx version", p.codeVersion());
            rows.put("DJL / engine", p.djlVersion() + " / " + p.engineVersion());
            rows.put("created", p.createdAt());
        }
        rows.put("wall time (all cells)", ReportPage.duration(r.seconds()));
        for (ReportData.CellData c : run.cells()) {
            rows.put("cell " + c.name(), c.cell().dir() + " · " + ReportPage.duration(c.cell().seconds()));
        }
        ReportPage.definitions(sb, rows);
        if (run.experiment() != null) {
            sb.append("<details><summary>Resolved configuration (experiment.json)</summary><pre>")
                    .append(Html.escape(run.experiment())).append("</pre></details>\n");
        } else if (p != null) {
            sb.append("<details><summary>Resolved configuration (from results.json)</summary><pre>")
                    .append(Html.escape(attndx.core.Json.toJson(p.config()))).append("</pre></details>\n");
        }
        sb.append("</section>\n");
    }
}
