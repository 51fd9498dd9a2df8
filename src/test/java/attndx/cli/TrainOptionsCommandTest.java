package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.data.ImageTensor;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.PngWriter;
import attndx.data.SplitRatios;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.kernels.ModelRunner;
import attndx.model.Prediction;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The options of integrity issue 14 that did nothing or did not exist: {@code --lambda-seg} (item 4),
 * {@code --attention} (item 5), {@code --qc} (item 6).
 */
class TrainOptionsCommandTest {
    @TempDir
    static Path tmp;
    private static Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writePhantom() {
        Engines.configure();
        data = tmp.resolve("phantom");
        PhantomWriter.write(Phantom.render(new PhantomConfig(40, 32, 3, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.6, 0.4, 0.0), null, null, null)), data);
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private int train(String run, String... options) {
        return trainPreset("attn-single", run, options);
    }

    private int trainPreset(String preset, String run, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", preset,
                "--width", "8", "--out", tmp.resolve(run).toString(), "--epochs", "1", "--lr", "3e-3", "--quiet"));
        args.addAll(List.of(options));
        return run(args.toArray(new String[0]));
    }

    @Test
    void classSpecificAttentionIsSavedAndUsedAtLoad() {
        assertEquals(0, train("class-specific", "--attention", "class-specific"), err.toString());
        try (DiagnosisModel model = DiagnosisModel.load(tmp.resolve("class-specific/model"))) {
            assertEquals(ModelConfig.AttentionMode.CLASS_SPECIFIC, model.config().attentionMode());
            try (ModelRunner runner = new ModelRunner(model, 2)) {
                Prediction p = runner.predict(new float[2][32 * 32], 1, 32, 32);
                assertEquals(2, p.mapCount(), "one map per class");
            }
        }
    }

    @Test
    void lambdaSegTrainsTheSegmentationHeadAndEvaluateReportsDiceAndIou() throws IOException {
        assertEquals(0, train("seg", "--lambda-seg", "1"), err.toString());
        Path run = tmp.resolve("seg");
        JsonNode epoch = Json.mapper().readTree(Files.readAllLines(run.resolve("train-log.jsonl")).get(0));
        assertTrue(epoch.get("loss").has("seg"), epoch.toString());
        assertTrue(epoch.get("skippedTerms").path("seg").isMissingNode(), epoch.toString());
        assertEquals(0, run("evaluate", "--model", run.resolve("model").toString(), "--data", data.toString(),
                "--split", "val", "--bootstrap", "0", "--no-stress"), err.toString());
        JsonNode seg = Json.mapper().readTree(run.resolve("evaluation-val/evaluation.json").toFile())
                .get("segmentation");
        int lesions = seg.get("images").asInt();
        assertTrue(lesions > 0 && lesions + seg.get("emptyMasks").asInt() == 16, seg.toString());
        double dice = seg.get("dice").asDouble();
        assertTrue(dice >= 0 && dice <= 1 && seg.get("iou").asDouble() <= dice, seg.toString());
        assertTrue(out.toString().contains("segmentation head on " + lesions + " images with a lesion mask"),
                out.toString());
    }

    @Test
    void lambdaAmAddsTheAttentionMiningTermAndIsSkippedWithoutAttention() throws IOException {
        assertEquals(0, train("mining", "--lambda-am", "0.5"), err.toString());
        JsonNode epoch = Json.mapper().readTree(Files.readAllLines(tmp.resolve("mining/train-log.jsonl")).get(0));
        double mine = epoch.get("loss").path("mine").asDouble(Double.NaN);
        assertTrue(mine >= 0 && mine <= 1, "a mean probability: " + epoch);
        assertEquals(0, trainPreset("gap", "mining-gap", "--lambda-am", "0.5"), err.toString());
        JsonNode gap = Json.mapper().readTree(Files.readAllLines(tmp.resolve("mining-gap/train-log.jsonl")).get(0));
        assertEquals("model has no spatial attention", gap.get("skippedTerms").path("mine").asText(), gap.toString());
    }

    @Test
    void lambdaSegWithoutAnyMaskIsRefused() throws IOException {
        Path plain = tmp.resolve("no-masks");
        Files.createDirectories(plain.resolve("images"));
        // the phantom's manifest without its mask (and box) columns
        List<String> rows = new ArrayList<>(List.of("path,label,patient_id,split"));
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(data.resolve("manifest.csv")))) {
            for (CSVRecord r : csv) {
                rows.add(String.join(",", r.get("path"), r.get("label"), r.get("patient_id"), r.get("split")));
                Files.copy(data.resolve(r.get("path")), plain.resolve(r.get("path")));
            }
        }
        Files.write(plain.resolve("manifest.csv"), rows);
        List<String> args = List.of("train", "--data", plain.toString(), "--model", "attn-single", "--width", "8",
                "--out", tmp.resolve("seg-none").toString(), "--epochs", "1", "--quiet", "--lambda-seg", "1");
        assertNotEquals(0, run(args.toArray(new String[0])));
        assertTrue(err.toString().contains("needs lesion masks, but no image of the training split"), err.toString());
    }

    @Test
    void qcExcludeLeavesFlaggedImagesOutOfTrainAndEvaluateAndSaysHowMany() throws IOException {
        // the phantom plus two flat grey images (low contrast), one in each split
        Path qcData = tmp.resolve("qc-data");
        List<String> rows = new ArrayList<>(List.of("path,label,patient_id,split"));
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(data.resolve("manifest.csv")))) {
            for (CSVRecord r : csv) {
                rows.add(String.join(",", r.get("path"), r.get("label"), r.get("patient_id"), r.get("split")));
                Files.createDirectories(qcData.resolve(r.get("path")).getParent());
                Files.copy(data.resolve(r.get("path")), qcData.resolve(r.get("path")));
            }
        }
        float[] grey = new float[32 * 32];
        java.util.Arrays.fill(grey, 0.5f);
        PngWriter.write(new ImageTensor(1, 32, 32, grey), 8, qcData.resolve("images/grey1.png"));
        PngWriter.write(new ImageTensor(1, 32, 32, grey), 8, qcData.resolve("images/grey2.png"));
        rows.add("images/grey1.png,normal,grey1,train");
        rows.add("images/grey2.png,normal,grey2,val");
        Files.write(qcData.resolve("manifest.csv"), rows);

        List<String> args = List.of("train", "--data", qcData.toString(), "--model", "attn-single", "--width", "8",
                "--out", tmp.resolve("qc").toString(), "--epochs", "1", "--quiet", "--qc", "exclude");
        assertEquals(0, run(args.toArray(new String[0])), err.toString());
        assertTrue(out.toString().contains("QC exclude: 2 of 42 images excluded (by check: low-contrast 2, truncated-fov 2)"),
                out.toString());
        List<String> eval = new ArrayList<>(List.of("evaluate", "--model", tmp.resolve("qc/model").toString(), "--data",
                qcData.toString(), "--split", "val", "--bootstrap", "0", "--no-stress"));
        assertEquals(0, run(eval.toArray(new String[0])), err.toString());
        assertTrue(out.toString().contains("QC flag: 2 of 42 images flagged and kept (by check: low-contrast 2, truncated-fov 2)"),
                out.toString());
        assertTrue(out.toString().contains("17 images"), "16 phantom + 1 grey validation image: " + out);
        eval.addAll(List.of("--qc", "exclude"));
        assertEquals(0, run(eval.toArray(new String[0])), err.toString());
        assertTrue(out.toString().contains("16 images"), out.toString());
    }

    @Test
    void classSpecificAttentionWithoutAttentionPresetIsRefused() {
        assertNotEquals(0, trainPreset("gap", "gap-cs", "--attention", "class-specific"));
        assertTrue(err.toString().contains("--attention class-specific needs an attention preset"), err.toString());
        assertNotEquals(0, train("bad", "--attention", "per-class"));
        assertTrue(err.toString().contains("expected shared or class-specific"), err.toString());
    }
}
