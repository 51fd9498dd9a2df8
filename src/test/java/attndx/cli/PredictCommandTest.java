package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.ImageFiles;
import attndx.data.ImageTensor;
import attndx.data.NpzFiles;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.PngWriter;
import attndx.data.Preprocessing;
import attndx.data.SharedData;
import attndx.model.DecisionThresholds;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attndx predict} on a tiny random model: files, folders, DICOM, a manifest folder, an .npz. */
class PredictCommandTest {
    @TempDir
    static Path tmp;
    private static Path calibrated;
    private static Path bare;
    private static Path images;

    @BeforeAll
    static void models() throws Exception {
        Engines.configure();
        // tau 1 refers every study (a top probability is below 1), operating point 0 expedites every one.
        calibrated = save(tmp.resolve("calibrated"), 1.3, new DecisionThresholds("val", 1.0, 0.9, 1, 0.0, 0.9, 1e9,
                0.05));
        bare = save(tmp.resolve("bare"), null, null);
        images = tmp.resolve("images");
        Files.createDirectories(images);
        List<attndx.data.Sample> s = Phantom.generate(PhantomConfig.defaults().withCount(6, 3)).samples();
        for (int i = 0; i < 3; i++) {
            PngWriter.write(s.get(i).image(), 8, images.resolve("study" + i + ".png"));
        }
    }

    private static Path save(Path dir, Double t, DecisionThresholds d) {
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create("attn-multiscale", 18, 8, Stem.SMALL_INPUT, 1,
                2), Preprocessing.defaults().withSize(32, 32), Phantom.CLASS_NAMES,
                Provenance.capture("model", Map.of(), "fixture", 1), 1)) {
            (t == null ? m : m.withTemperature(t)).withDecision(d).save(dir);
        }
        return dir;
    }

    private static List<JsonNode> lines(Path f) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(Json.mapper().readTree(l));
        }
        return out;
    }

    @Test
    void triageOfAFolderAndADicomWritesJsonLinesOverlaysAndATable() throws Exception {
        Path out = tmp.resolve("triage/predictions.jsonl");
        Path corrupt = tmp.resolve("corrupt.png");
        byte[] png = Files.readAllBytes(images.resolve("study0.png"));
        Files.write(corrupt, java.util.Arrays.copyOf(png, png.length / 2));
        StringWriter text = new StringWriter();
        int code = CliRun.run(text, "predict", "--model", calibrated.toString(), images.toString(),
                SharedData.pydicom("CT_small.dcm").toString(), corrupt.toString(), "--out", out.toString());
        assertEquals(0, code, text.toString());
        List<JsonNode> rows = lines(out);
        assertEquals(5, rows.size());
        for (JsonNode r : rows.subList(0, 4)) {
            double p0 = r.at("/probabilities/normal").asDouble();
            double p1 = r.at("/probabilities/lesion").asDouble();
            assertEquals(1.0, p0 + p1, 1e-5, r.toString());
            assertEquals(Math.max(p0, p1), r.get("confidence").asDouble(), 1e-9);
            assertEquals(p1, r.get("priority").asDouble(), 1e-9);
            assertTrue(r.get("refer").asBoolean(), "tau 1 refers every study: " + r);
            assertTrue(r.get("expedite").asBoolean(), "operating point 0 expedites every study: " + r);
            assertFalse(r.get("shiftFlag").asBoolean());
            assertEquals("attention", r.get("explanation").asText());
            Path overlay = Path.of(r.get("overlay").asText());
            ImageTensor o = ImageFiles.read(overlay);
            assertEquals(3, o.channels(), "RGB overlay");
            assertEquals(32, o.width(), "overlay at the model's input size");
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(rows.get(i).get("priority").asDouble() >= rows.get(i + 1).get("priority").asDouble(),
                    "triage worklist sorted by priority");
        }
        JsonNode failed = rows.get(4);
        assertEquals("corrupt.png", failed.get("id").asText());
        assertTrue(failed.get("error").asText().contains("corrupt"), failed.toString());
        assertTrue(text.toString().contains("4 to expedite, 4 referred to standard review, 1 failed"), text.toString());
        JsonNode prov = Json.mapper().readTree(out.resolveSibling("predictions.jsonl.provenance.json").toFile());
        assertEquals("prediction", prov.get("kind").asText());
        assertEquals(1.0, prov.at("/config/decision/tau").asDouble());
    }

    @Test
    void secondReadCsvOfAManifestAndAnNpzKeepsInputOrderAndWarnsWithoutCalibration() throws Exception {
        Path manifest = tmp.resolve("manifest");
        PhantomWriter.write(Phantom.render(PhantomConfig.defaults().withCount(4, 5)), manifest);
        Path npz = new NpzFiles().u1("test_images", NpzFiles.shape(2, 28, 28), new int[2 * 28 * 28])
                .u1("test_labels", NpzFiles.shape(2, 1), 0, 1).write(tmp.resolve("two.npz"));
        Path out = tmp.resolve("second/predictions.csv");
        StringWriter text = new StringWriter();
        int code = CliRun.run(text, "predict", "--model", bare.toString(), manifest.toString(), npz.toString(), "--out",
                out.toString(), "--mode", "second-read", "--explain", "grad-cam", "--batch-size", "3");
        assertEquals(0, code, text.toString());
        List<String> csv = Files.readAllLines(out);
        assertEquals(7, csv.size(), "header + 4 + 2");
        assertTrue(csv.get(0).startsWith("id,source,label,confidence,p_normal,p_lesion,refer,priority,expedite,qc"),
                csv.get(0));
        assertTrue(csv.get(1).startsWith("images/img00000.png,"), "input order: " + csv.get(1));
        assertTrue(csv.get(6).contains("low-contrast"), "an all-black image fails QC: " + csv.get(6));
        assertTrue(csv.get(6).contains("grad-cam"), csv.get(6));
        String t = text.toString();
        assertTrue(t.contains("uncalibrated") && t.contains("never refers"), t);
        assertNotNull(Files.list(tmp.resolve("second/overlays")).findFirst().orElse(null));
    }

    @Test
    void aMissingInputIsAClearError() {
        StringWriter text = new StringWriter();
        int code = CliRun.run(text, "predict", "--model", bare.toString(), tmp.resolve("nope.png").toString(), "--out",
                tmp.resolve("x.jsonl").toString());
        assertEquals(1, code);
        assertTrue(text.toString().contains("input not found"), text.toString());
    }
}
