package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.EmbeddedImages;
import attndx.core.AttndxException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small real run: tables with numbers, every image a decodable PNG, every section, missing parts. */
class ReportTest {
    private static final Pattern MEAN = Pattern.compile("<span class=\"mean\">(-?\\d+\\.\\d+)</span>");

    @TempDir
    static Path tmp;
    static Path run;
    static String html;
    static Report.Result result;

    @BeforeAll
    static void write() throws Exception {
        run = ReportRunFixture.run();
        result = Report.write(run, Report.defaultOut(run));
        html = Files.readString(result.html());
        System.out.printf("report of the fixture run written in %.2f s (%d kB)%n", result.seconds(),
                html.length() / 1024);
    }

    @Test
    void bothTablesHoldNumbersInTheSeedsFormat() throws Exception {
        ExperimentResults r = attndx.core.Json.read(run.resolve("results.json"), ExperimentResults.class);
        for (ExperimentResults.Table t : List.of(r.table2(), r.table3())) {
            int at = html.indexOf("<caption>" + t.title() + "</caption>");
            assertTrue(at >= 0, t.title());
            String table = html.substring(at, html.indexOf("</table>", at));
            int numbers = 0;
            for (Matcher m = MEAN.matcher(table); m.find(); numbers++) {
                assertTrue(Double.isFinite(Double.parseDouble(m.group(1))), m.group());
            }
            long defined = t.rows().stream().flatMap(row -> row.values().values().stream())
                    .filter(v -> !Double.isNaN(v.mean())).count();
            long cells = t.rows().size() * (long) t.columns().size();
            long absent = cells - t.rows().stream().mapToLong(row -> row.values().size()).sum();
            // every defined figure printed as a number, every undefined one as "undefined", every absent one a dash
            assertEquals(defined, numbers, table);
            assertEquals(t.rows().stream().mapToLong(row -> row.values().size()).sum() - defined,
                    count(table, "undefined</td>"), table);
            assertEquals(absent, count(table, "<td class=\"na\">–</td>"), table);
            assertTrue(defined >= cells - absent - t.rows().size(), "at most the ECE column undefined: " + table);
            assertTrue(table.contains(" ± "), "two seeds give a standard deviation: " + table);
            assertTrue(table.contains("<div class=\"ci\">["), "AUC carries its bootstrap interval");
            assertTrue(html.contains(t.reading()), "the table's reading is shown");
        }
        // the evaluations' own warnings may quote "NaN"; the tables and readings must not
        String text = html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "").replaceAll("(?s)<details>.*?"
                + "</details>", "").replaceAll("(?s)<div class=\"warnings\">.*?</div>", "");
        assertFalse(text.contains("NaN"), "no NaN in tables and readings");
        assertFalse(html.contains("id=\"variants\""), "the empty table of further variants is left out");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void everyImageIsAnEmbeddedPngThatDecodes() throws Exception {
        List<BufferedImage> images = EmbeddedImages.pngs(html);
        // 2 faithfulness, 2 reliability, 1 risk-coverage, 3 stress, 8 histograms, 2 variants x 2 methods x 3 overlays
        assertTrue(images.size() >= 2 + 2 + 1 + 3 + 8 + 12, "images: " + images.size());
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "the page loads nothing and runs nothing");
    }

    @Test
    void everySectionIsThereWithItsReading() throws Exception {
        for (String id : List.of("diagnosis", "ablation", "faithfulness", "calibration", "selective", "qualitative",
                "distributions", "stress", "flags", "provenance")) {
            int at = html.indexOf("<section id=\"" + id + "\">");
            assertTrue(at >= 0, id);
            String section = html.substring(at, html.indexOf("</section>", at));
            assertTrue(section.contains("<h2>"), id);
            assertFalse(section.contains("class=\"missing\""), id + " has data: " + section.substring(0,
                    Math.min(300, section.length())));
            assertTrue(id.equals("provenance") || section.contains("class=\"reading\""), id + " has a reading");
        }
        assertTrue(html.contains("random map (reference)") || html.contains("random map"), "random reference");
        assertTrue(html.contains("experiment.json"), "the resolved configuration");
        assertTrue(Files.isRegularFile(run.resolve("report").resolve("results.json")), "results.json beside the page");
    }

    @Test
    void aCellWithoutAuditIsShownMissingWithAWarningNotAsZeros() throws Exception {
        Path copy = copy(run, tmp.resolve("no-audit"));
        Path audit = copy.resolve("cells/attn-multiscale/seed-2/audit/audit.json");
        Files.delete(audit);
        Report.Result r = Report.write(copy, tmp.resolve("no-audit-report/report.html"));
        String page = Files.readString(r.html());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("attn-multiscale seed 2: audit missing")
                && w.contains(audit.toString())), r.warnings().toString());
        assertTrue(page.contains("audit missing"), "the warning is on the page");
        assertTrue(page.contains("<td class=\"bad\">missing</td>"), "and in the flag table");
        assertEquals(EmbeddedImages.pngs(html).size(), EmbeddedImages.pngs(page).size(), "the other seed still draws every figure");
    }

    @Test
    void missingOrCorruptFilesAreErrorsNamingTheFile() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        AttndxException e = assertThrows(AttndxException.class, () -> Report.write(empty, empty.resolve("r.html")));
        assertTrue(e.getMessage().contains(empty.resolve("results.json").toString()), e.getMessage());

        Path corrupt = copy(run, tmp.resolve("corrupt"));
        Path eval = corrupt.resolve("cells/gap/seed-1/evaluation/evaluation.json");
        Files.writeString(eval, "{\"report\": {\"calibration\": [");
        e = assertThrows(AttndxException.class, () -> Report.write(corrupt, corrupt.resolve("r.html")));
        assertTrue(e.getMessage().contains(eval.toString()), e.getMessage());
        assertFalse(Files.exists(corrupt.resolve("r.html")), "no page from a corrupt run");

        Files.writeString(corrupt.resolve("results.json"), "[1, 2");
        e = assertThrows(AttndxException.class, () -> Report.write(corrupt, corrupt.resolve("r.html")));
        assertTrue(e.getMessage().contains(corrupt.resolve("results.json").toString()), e.getMessage());
    }

    /** A copy of the run folder without its models (the report does not read them). */
    static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().contains("/model/") || rel.toString().endsWith("/model")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
