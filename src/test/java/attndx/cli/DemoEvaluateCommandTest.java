package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attndx demo} end to end at a tiny size, then {@code attndx evaluate} on its model. */
class DemoEvaluateCommandTest {
    @TempDir
    static Path tmp;
    private static Path demo;
    private static String demoOut;

    @BeforeAll
    static void runDemo() {
        Engines.configure();
        demo = tmp.resolve("demo");
        StringWriter out = new StringWriter();
        int code = run(out, "demo", "--out", demo.toString(), "--count", "300", "--size", "32", "--width", "8",
                "--epochs", "5");
        demoOut = out.toString();
        assertEquals(0, code, demoOut);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    @Test
    void demoWritesDataModelLogAndEvaluation() throws Exception {
        assertTrue(Files.isRegularFile(demo.resolve("phantom/manifest.csv")));
        assertTrue(Files.isRegularFile(demo.resolve("run/model/model.json")));
        assertTrue(Files.isRegularFile(demo.resolve("run/train-log.jsonl")));
        JsonNode result = Json.mapper().readTree(demo.resolve("run/evaluation-test/evaluation.json").toFile());
        JsonNode auc = result.at("/report/diagnostic/perClass/0/auc");
        double value = auc.get("value").asDouble();
        assertTrue(value >= 0 && value <= 1, "AUC " + value);
        assertTrue(auc.get("lower").asDouble() <= value && value <= auc.get("upper").asDouble(), auc.toString());
        double t = result.at("/report/temperature/temperature").asDouble();
        assertTrue(t > 0, "temperature " + t);
        JsonNode model = Json.mapper().readTree(demo.resolve("run/model/model.json").toFile());
        assertEquals(t, model.get("temperature").asDouble(), 1e-12, "fitted temperature stored in the model");
        assertEquals(3, result.get("stress").size(), "contrast, gamma and noise stress tests");
        assertNotNull(result.get("shift"));
        assertTrue(Files.isRegularFile(demo.resolve("run/evaluation-test/reliability-all.png")));
        assertTrue(demoOut.contains("lesion") && demoOut.contains("temperature"), demoOut);
    }

    @Test
    void evaluateAppliesTheStoredTemperatureWithoutACalibrationSplit() throws Exception {
        StringWriter out = new StringWriter();
        Path dir = tmp.resolve("eval-val");
        int code = run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                demo.resolve("phantom").toString(), "--split", "val", "--bootstrap", "50", "--no-stress",
                "--out", dir.toString());
        assertEquals(0, code, out.toString());
        JsonNode result = Json.mapper().readTree(dir.resolve("evaluation.json").toFile());
        JsonNode model = Json.mapper().readTree(demo.resolve("run/model/model.json").toFile());
        assertEquals(model.get("temperature").asDouble(),
                result.at("/report/provenance/config/temperatureApplied").asDouble(), 1e-12);
        assertTrue(result.at("/report/temperature").isNull(), "no new fit without --calibrate-on");
    }

    @Test
    void evaluatingAnEmptySplitIsAClearError() {
        StringWriter out = new StringWriter();
        int code = run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                demo.resolve("phantom").toString(), "--split", "val", "--splits",
                writeAllTrain().toString(), "--out", tmp.resolve("eval-empty").toString());
        assertEquals(1, code);
        assertTrue(out.toString().contains("split 'val'") && out.toString().contains("is empty"), out.toString());
    }

    private static Path writeAllTrain() {
        try {
            Path csv = tmp.resolve("all-train.csv");
            StringBuilder sb = new StringBuilder("id,patient_id,split\n");
            for (String line : Files.readAllLines(demo.resolve("phantom/manifest.csv")).subList(1, 301)) {
                String[] cells = line.split(",");
                sb.append(cells[0]).append(',').append(cells[2]).append(",train\n");
            }
            Files.writeString(csv, sb.toString());
            return csv;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
