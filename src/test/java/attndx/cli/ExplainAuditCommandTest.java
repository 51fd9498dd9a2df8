package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** explain and audit on a phantom folder and a fresh tiny model: the files, and bad input refused by name. */
class ExplainAuditCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path model;

    @BeforeAll
    static void setUp() {
        Engines.configure();
        data = tmp.resolve("phantom");
        PhantomWriter.write(Phantom.render(new PhantomConfig(40, 16, 5, 0.5, 1, 1, 8, 0.02,
                new SplitRatios(0.5, 0.0, 0.5), null, null, null)), data);
        model = tmp.resolve("model");
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create("attn-multiscale", 18, 4, Stem.SMALL_INPUT, 1,
                2), new Preprocessing(Preprocessing.Normalisation.DATASET, 0.3f, 0.2f, 0, 0, 0f, 0f),
                Phantom.CLASS_NAMES, Provenance.capture("test", Map.of(), "", 1), 1)) {
            m.save(model);
        }
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void explainWritesOverlaysAndTheQuantusLayout() throws Exception {
        Path out = tmp.resolve("explain");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = run(o, e, "explain", "--model", model.toString(), "--data", data.toString(), "--split", "test",
                "--methods", "attention,gradcam++,edge", "--limit", "3", "--out", out.toString());
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains("uncalibrated"), o.toString());
        assertTrue(Files.isRegularFile(out.resolve("maps.npz")));
        try (var zip = new java.util.zip.ZipFile(out.resolve("maps.npz").toFile())) {
            for (String key : List.of("x", "y", "ids", "a_attention", "a_gradcam_pp", "a_edge")) {
                assertTrue(zip.getEntry(key + ".npy") != null, key);
            }
        }
        try (var files = Files.list(out.resolve("overlays").resolve("gradcam++"))) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void auditWritesItsFilesWithTheShortcutVerdict() {
        Path out = tmp.resolve("audit");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = run(o, e, "audit", "--model", model.toString(), "--data", data.toString(), "--split", "test",
                "--methods", "attention,gradcam", "--checks", "faithfulness,localisation,stability,shortcut",
                "--limit", "12", "--steps", "4", "--out", out.toString());
        assertEquals(0, code, e.toString());
        JsonNode a = Json.read(out.resolve("audit.json"), JsonNode.class);
        for (String k : List.of("flagged", "statistic", "level", "reason")) {
            assertTrue(a.get("shortcut").has(k), k);
        }
        assertTrue(a.get("faithfulness").has("random"));
        assertTrue(Files.isRegularFile(out.resolve("per-image.csv")));
        assertTrue(Files.isRegularFile(out.resolve("curves").resolve("deletion.png")));
        assertTrue(o.toString().contains("gradcam"), o.toString());
    }

    @Test
    void badInputIsRefusedByNameAndLeavesNoAuditJson() {
        Path out = tmp.resolve("bad");
        String[][] cases = {
            {"--limit", "0"}, {"--methods", "lime"}, {"--checks", "vibes"}, {"--stage", "5"}, {"--methods", "cam"}};
        String[] expected = {"--limit", "lime", "vibes", "stage", "cam"};
        for (int i = 0; i < cases.length; i++) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            String[] base = {"audit", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--checks", "faithfulness"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(
                    cases[i])).toArray(String[]::new);
            assertEquals(1, run(o, e, args), String.join(" ", cases[i]));
            assertTrue(e.toString().contains(expected[i]), e.toString());
            assertFalse(Files.exists(out.resolve("audit.json")));
        }
    }
}
