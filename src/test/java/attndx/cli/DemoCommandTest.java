package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.EmbeddedImages;
import attndx.core.Engines;
import attndx.core.Json;
import attndx.report.ExperimentResults;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attndx demo} end to end on a reduced phantom (fewer, smaller images, fewer epochs than demo.yaml): the data
 * and config it leaves for the other commands, both tables with numbers in the report, valid embedded figures, a
 * shortcut verdict per model, and a rerun that resumes instead of training again.
 */
class DemoCommandTest {
    private static final Pattern NUMBER = Pattern.compile("<span class=\"mean\">(-?\\d+\\.\\d+)</span>");

    @TempDir
    static Path tmp;
    private static Path demo;
    private static String printed;

    @BeforeAll
    static void runDemo() {
        Engines.configure();
        demo = tmp.resolve("demo");
        StringWriter out = new StringWriter();
        int code = CliRun.run(out, "demo", "--out", demo.toString(), "--count", "240", "--size", "32", "--epochs",
                "3", "--seeds", "1", "--quiet");
        printed = out.toString();
        assertEquals(0, code, printed);
    }

    @Test
    void leavesTheDataTheConfigAndOneModelPerVariant() {
        assertTrue(Files.isRegularFile(demo.resolve("phantom/manifest.csv")));
        assertTrue(Files.isRegularFile(demo.resolve("demo.yaml")));
        for (String v : List.of("gap", "attn-multiscale-cons", "shortcut")) {
            assertTrue(Files.isRegularFile(demo.resolve("cells/" + v + "/seed-1/model/model.json")), v);
            assertTrue(Files.isRegularFile(demo.resolve("cells/" + v + "/seed-1/audit/audit.json")), v);
        }
        assertTrue(printed.contains("report:  " + demo.resolve("report/report.html")), printed);
        assertTrue(printed.contains("wall time") && printed.contains("training") && printed.contains("audit"), printed);
    }

    @Test
    void theReportHoldsBothTablesWithNumbersAndDecodableFigures() throws Exception {
        String html = Files.readString(demo.resolve("report/report.html"));
        for (String id : List.of("diagnosis", "ablation")) {
            int start = html.indexOf("id=\"" + id + "\"");
            assertTrue(start >= 0, "section " + id);
            String table = html.substring(start, html.indexOf("</table>", start));
            int numbers = 0;
            for (Matcher m = NUMBER.matcher(table); m.find(); numbers++) {
                assertTrue(Double.isFinite(Double.parseDouble(m.group(1))), m.group());
            }
            assertTrue(numbers >= 4, id + ": " + numbers + " numbers");
        }
        assertTrue(EmbeddedImages.pngs(html).size() >= 10, "figures");
        assertTrue(html.contains("Quality control (the checks of"), "the data's QC screen is in the flags section");
        assertTrue(printed.contains("Quality control (flag): "), printed);
    }

    @Test
    void everyModelHasAShortcutVerdictAndTheResultsAgreeWithThePrintedTable() throws Exception {
        ExperimentResults r = Json.read(demo.resolve("results.json"), ExperimentResults.class);
        assertEquals(3, r.cells().size());
        for (ExperimentResults.Cell c : r.cells()) {
            assertTrue(c.shortcutFlagged() != null, c.variant() + " has a shortcut verdict");
            assertTrue(printed.contains(c.variant() + " seed 1"), printed);
            assertTrue(c.stageSeconds().keySet().containsAll(List.of("training", "evaluation", "audit")), c.toString());
        }
        double auc = r.table2().rows().get(r.table2().rows().size() - 1).values().get("auc").mean();
        assertTrue(auc > 0.5 && auc <= 1, "proposed model's AUC " + auc);
        assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "%.3f", auc)), printed);
    }

    @Test
    void aRerunResumesEveryModelAndRewritesTheReport() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, CliRun.run(out, "demo", "--out", demo.toString(), "--count", "240", "--size", "32",
                "--epochs", "3", "--seeds", "1", "--quiet"), out.toString());
        assertTrue(out.toString().contains("3 model(s) resumed"), out.toString());
        StringWriter other = new StringWriter();
        assertEquals(1, CliRun.run(other, "demo", "--out", demo.toString(), "--count", "200", "--size", "32",
                "--epochs", "3", "--seeds", "1", "--quiet"));
        assertTrue(other.toString().contains("other settings"), other.toString());
    }
}
