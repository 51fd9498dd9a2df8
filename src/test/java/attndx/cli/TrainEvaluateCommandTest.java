package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.kernels.KernelComponent;
import attndx.kernels.KernelSelection;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attndx data phantom}, {@code attndx train} and {@code attndx evaluate} end to end on a small phantom, then
 * evaluate's options on the trained model.
 */
class TrainEvaluateCommandTest {
    @TempDir
    static Path tmp;
    private static Path demo;
    private static String demoOut;

    @BeforeAll
    static void trainAndEvaluate() {
        Engines.configure();
        demo = tmp.resolve("demo");
        StringWriter out = new StringWriter();
        String phantom = demo.resolve("phantom").toString();
        assertEquals(0, CliRun.run(out, "data", "phantom", "--out", phantom, "--count", "300", "--size", "32",
                "--seed", "42"), out.toString());
        // Table 1's objective: evaluation is under test here, and this tiny model with attention mining reached only
        // test AUC 0.72 (interval down to 0.48) with the plain kernel set, where the assertion below needs > 0.5.
        assertEquals(0, CliRun.run(out, "train", "--data", phantom, "--width", "8", "--epochs", "8", "--batch-size",
                "16", "--lr", "2e-3", "--schedule", "cosine", "--patience", "8", "--seed", "42", "--lambda-am", "0",
                "--quiet", "--out", demo.resolve("run").toString()), out.toString());
        int code = CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data", phantom,
                "--split", "test", "--calibrate-on", "val", "--stress", "0,0.5,1", "--seed", "42");
        demoOut = out.toString();
        assertEquals(0, code, demoOut);
    }

    @Test
    void writesDataModelLogAndEvaluation() throws Exception {
        assertTrue(Files.isRegularFile(demo.resolve("phantom/manifest.csv")));
        assertTrue(Files.isRegularFile(demo.resolve("run/model/model.json")));
        assertTrue(Files.isRegularFile(demo.resolve("run/train-log.jsonl")));
        JsonNode result = Json.mapper().readTree(demo.resolve("run/evaluation-test/evaluation.json").toFile());
        JsonNode auc = result.at("/report/diagnostic/perClass/0/auc");
        double value = auc.get("value").asDouble();
        assertTrue(auc.get("lower").asDouble() <= value && value <= auc.get("upper").asDouble(), auc.toString());
        double t = result.at("/report/temperature/temperature").asDouble();
        assertTrue(t > 0, "temperature " + t);
        JsonNode model = Json.mapper().readTree(demo.resolve("run/model/model.json").toFile());
        assertEquals(t, model.get("temperature").asDouble(), 1e-12, "fitted temperature stored in the model");
        assertEquals(result.at("/report/selective/validationChosen/threshold").asDouble(),
                model.at("/decision/tau").asDouble(), 1e-12, "tau chosen on validation stored next to the temperature");
        assertEquals("val", model.at("/decision/chosenOn").asText());
        double op = model.at("/decision/operatingThreshold").asDouble();
        assertTrue(op >= 0 && op <= 1, "triage operating point " + op);
        assertTrue(Double.isFinite(model.at("/decision/shiftThreshold").asDouble()), model.toString());
        assertEquals(3, result.get("stress").size(), "contrast, gamma and noise stress tests");
        assertNotNull(result.get("shift"));
        assertEquals("mahalanobis", result.get("shiftScore").asText());
        assertEquals("mahalanobis", result.at("/stress/contrast/shiftScore").asText(),
                "feature-based shift score when a training split is available");
        assertTrue(Files.isRegularFile(demo.resolve("run/evaluation-test/reliability-all.png")));
        assertTrue(demoOut.contains("lesion") && demoOut.contains("temperature"), demoOut);
    }

    /**
     * What 8 epochs must achieve on the phantom lesions (seeded, so the run is the same every time; measured
     * 2026-12-04 through the former demo with the same settings: test AUC 0.801 [0.576, 0.967], cls loss 0.718 ->
     * 0.310, selected epoch 6 at validation AUC 0.796; strongest stress levels AUC 0.48-0.61). The bounds leave room
     * for changes of the objective but not for a model that learnt nothing.
     */
    @Test
    void modelDiscriminatesTheLesionsAndTheStressTestHurtsIt() throws Exception {
        JsonNode result = Json.mapper().readTree(demo.resolve("run/evaluation-test/evaluation.json").toFile());
        JsonNode lesion = result.at("/report/diagnostic/perClass/0");
        double auc = lesion.at("/auc/value").asDouble();
        assertTrue(auc >= 0.70, "test AUC " + auc);
        assertTrue(lesion.at("/auc/lower").asDouble() > 0.5, "better than chance at 95%: " + lesion.get("auc"));
        JsonNode chosen = lesion.get("atValidationThreshold");
        assertTrue(chosen.get("validationSpecificity").asDouble() >= 0.9, chosen.toString());
        assertTrue(chosen.at("/sensitivity/value").asDouble() > 0.3, "a usable operating point: " + chosen);
        List<JsonNode> log = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(demo.resolve("run/train-log.jsonl"))) {
            log.add(Json.mapper().readTree(line));
        }
        assertEquals(8, log.size());
        double first = log.get(0).at("/loss/cls").asDouble();
        double last = log.get(7).at("/loss/cls").asDouble();
        assertTrue(last < 0.67 * first, "classification loss must fall by a third: " + first + " -> " + last);
        double bestAuc = log.stream().filter(l -> l.get("best").asBoolean()).reduce((a, b) -> b).orElseThrow()
                .get("valAuc").asDouble();
        assertTrue(bestAuc >= 0.70, "selected epoch's validation AUC " + bestAuc);
        for (var kind : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> result.get("stress").fields()) {
            JsonNode levels = kind.getValue().get("levels");
            assertEquals(auc, levels.get(0).get("auc").asDouble(), 1e-12, kind.getKey() + " at strength 0 is the test set");
            assertTrue(levels.get(levels.size() - 1).get("auc").asDouble() < auc - 0.1,
                    kind.getKey() + " at full strength must cost AUC: " + levels);
        }
    }

    @Test
    void calibratingOnTheEvaluatedSplitIsRefusedAndLeavesTheModelAlone() throws Exception {
        String before = Files.readString(demo.resolve("run/model/model.json"));
        StringWriter out = new StringWriter();
        int code = CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                demo.resolve("phantom").toString(), "--split", "test", "--calibrate-on", "test", "--bootstrap", "0",
                "--no-stress", "--out", tmp.resolve("eval-leak").toString());
        assertEquals(1, code, out.toString());
        assertTrue(out.toString().contains("calibration split must differ"), out.toString());
        assertEquals(before, Files.readString(demo.resolve("run/model/model.json")));
    }

    @Test
    void evaluateAppliesTheStoredTemperatureWithoutACalibrationSplit() throws Exception {
        StringWriter out = new StringWriter();
        Path dir = tmp.resolve("eval-val");
        int code = CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
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
    void bf16EvaluationMatchesFp32WithinItsRoundingAndIsRecorded() throws Exception {
        StringWriter out = new StringWriter();
        KernelSelection kernels = KernelSelection.current();
        if (!kernels.uses(KernelComponent.BF16)) {
            assertEquals(1, CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                    demo.resolve("phantom").toString(), "--split", "val", "--bootstrap", "0", "--no-stress",
                    "--precision", "bf16", "--out", tmp.resolve("eval-refused").toString()));
            assertTrue(out.toString().contains("bf16 inference does not run on this machine: "
                    + kernels.whyNot(KernelComponent.BF16)), out.toString());
            return;
        }
        JsonNode[] results = new JsonNode[2];
        String[] precisions = {"fp32", "bf16"};
        for (int i = 0; i < 2; i++) {
            Path dir = tmp.resolve("eval-" + precisions[i]);
            assertEquals(0, CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                    demo.resolve("phantom").toString(), "--split", "val", "--bootstrap", "0", "--no-stress",
                    "--precision", precisions[i], "--out", dir.toString()), out.toString());
            results[i] = Json.mapper().readTree(dir.resolve("evaluation.json").toFile());
        }
        assertEquals(kernels.inference().name(), results[0].at("/report/provenance/config/inferenceKernels").asText());
        assertEquals("ONEDNN_BF16", results[1].at("/report/provenance/config/inferenceKernels").asText());
        double aucFp32 = results[0].at("/report/diagnostic/perClass/0/auc/value").asDouble();
        double aucBf16 = results[1].at("/report/diagnostic/perClass/0/auc/value").asDouble();
        assertEquals(aucFp32, aucBf16, 0.02, "bf16 moves probabilities in the second decimal at most");

        StringWriter bad = new StringWriter();
        assertEquals(2, CliRun.run(bad, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                demo.resolve("phantom").toString(), "--precision", "fp8"));
        assertTrue(bad.toString().contains("expected fp32 or bf16, got 'fp8'"), bad.toString());
    }

    @Test
    void evaluatingAnEmptySplitIsAClearError() {
        StringWriter out = new StringWriter();
        int code = CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
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

    @Test
    void monteCarloDropoutNeedsDropoutAndReportsUncertainty() throws Exception {
        StringWriter out = new StringWriter();
        int noDropout = CliRun.run(out, "evaluate", "--model", demo.resolve("run/model").toString(), "--data",
                demo.resolve("phantom").toString(), "--no-stress", "--bootstrap", "0", "--mc-dropout", "4",
                "--out", tmp.resolve("eval-mc-refused").toString());
        assertEquals(1, noDropout);
        assertTrue(out.toString().contains("needs a model with dropout"), out.toString());

        Path run = tmp.resolve("dropout-run");
        assertEquals(0, CliRun.run(out, "train", "--data", demo.resolve("phantom").toString(), "--width", "8", "--epochs", "2",
                "--lr", "3e-3", "--dropout", "0.5", "--quiet", "--out", run.toString()), out.toString());
        Path dir = tmp.resolve("eval-mc");
        assertEquals(0, CliRun.run(out, "evaluate", "--model", run.resolve("model").toString(), "--data",
                demo.resolve("phantom").toString(), "--no-stress", "--bootstrap", "0", "--mc-dropout", "6",
                "--out", dir.toString()), out.toString());
        JsonNode mc = Json.mapper().readTree(dir.resolve("evaluation.json").toFile()).get("mcDropout");
        int images = mc.get("mutualInformation").size();
        assertTrue(images > 0);
        double maxMi = 0;
        for (int i = 0; i < images; i++) {
            double mi = mc.get("mutualInformation").get(i).asDouble();
            assertTrue(mi >= -1e-12, "mutual information is never negative: " + mi);
            assertEquals(mc.get("predictiveEntropy").get(i).asDouble() - mc.get("expectedEntropy").get(i).asDouble(),
                    mi, 1e-9, "MI = H[mean p] - mean H[p]");
            maxMi = Math.max(maxMi, mi);
        }
        assertTrue(maxMi > 0, "dropout passes must differ");
    }
}
