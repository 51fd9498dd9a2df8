package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.core.Engines;
import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment runner on a tiny phantom (32 x 32, width 8, one epoch, two variants, two seeds): an experiment
 * stopped after its first cell and rerun ends with the same results.json as an uninterrupted run, its tables hold
 * numbers, and a rerun with another config is refused naming the key.
 */
class ExperimentRunnerTest {
    private static final String CONFIG = """
            name: tiny
            profile: cpu-small
            data:
              phantom: {count: 80, size: 32, seed: 3}
            model: {width: 8}
            variants: [gap, attn-multiscale-cons]
            train: {epochs: 1, batchSize: 16}
            schedule: {type: NONE, warmupSteps: 0}
            evaluation: {bootstrap: 20}
            audit:
              limit: 8
              steps: 4
              checks: [faithfulness, stability]
              posthocMethods: [gradcam]
            seeds: [1, 2]
            """;

    static {
        Engines.configure();
    }

    @TempDir
    Path tmp;

    /** Thrown by the listener to simulate an interruption. */
    private static final class Stop extends RuntimeException {}

    private ExperimentConfigLoader.Loaded load(String yaml) throws IOException {
        Path f = tmp.resolve("exp-" + yaml.hashCode() + ".yaml");
        Files.writeString(f, yaml);
        return ExperimentConfigLoader.load(f, ExperimentConfigLoader.Overrides.none());
    }

    @Test
    void interruptedExperimentResumesToTheUninterruptedResult() throws IOException {
        ExperimentConfigLoader.Loaded cfg = load(CONFIG);
        Path full = tmp.resolve("full");
        Path cut = tmp.resolve("cut");
        ExperimentRunner.run(cfg, full, new ExperimentRunner.Listener() {});

        assertThrows(Stop.class, () -> ExperimentRunner.run(cfg, cut, new ExperimentRunner.Listener() {
            @Override
            public void cellFinished(CellRecord cell) {
                throw new Stop();
            }
        }));
        assertEquals(1, cellFiles(cut).size());
        assertFalse(Files.exists(cut.resolve(ExperimentRunner.RESULTS)));
        ExperimentRunner.Result resumed = ExperimentRunner.run(load(CONFIG), cut, new ExperimentRunner.Listener() {});

        assertEquals(1, resumed.resumed());
        assertEquals(4, cellFiles(cut).size());
        JsonNode a = Json.mapper().readTree(full.resolve(ExperimentRunner.RESULTS).toFile());
        JsonNode b = Json.mapper().readTree(cut.resolve(ExperimentRunner.RESULTS).toFile());
        for (String key : List.of("table2", "table3", "extra", "seeds", "warnings", "name", "format")) {
            assertEquals(a.get(key), b.get(key), key);
        }
        assertEquals(a.get("cells").size(), b.get("cells").size());
        for (int i = 0; i < a.get("cells").size(); i++) {
            for (String key : List.of("variant", "seed", "dir", "shortcutFlagged", "shiftFlagged")) {
                assertEquals(a.get("cells").get(i).get(key), b.get("cells").get(i).get(key), key);
            }
        }
        tablesHoldNumbers(Json.read(cut.resolve(ExperimentRunner.RESULTS), ExperimentResults.class));

        String refused = assertThrows(AttndxException.class, () -> ExperimentRunner.run(load(
                CONFIG.replace("epochs: 1", "epochs: 2")), cut, new ExperimentRunner.Listener() {})).getMessage();
        assertTrue(refused.contains("train.epochs: 1 vs 2"), refused);
    }

    private static void tablesHoldNumbers(ExperimentResults r) {
        assertEquals(ExperimentResults.FORMAT, r.format());
        assertEquals(List.of(1L, 2L), r.seeds());
        assertEquals(4, r.cells().size());
        assertNotNull(r.provenance().dataFingerprint());
        assertEquals(3, r.table2().rows().size());
        assertEquals(2, r.table3().rows().size());
        assertTrue(r.extra().rows().isEmpty());
        for (ExperimentResults.Table t : List.of(r.table2(), r.table3())) {
            assertFalse(t.reading().isBlank());
            for (ExperimentResults.Row row : t.rows()) {
                for (String column : t.columns()) {
                    ExperimentResults.Value v = row.values().get(column);
                    assertFalse(Double.isNaN(v.mean()), t.title() + " " + row.label() + " " + column);
                    assertEquals(2, v.perSeed().length);
                }
            }
            ExperimentResults.Value auc = t.rows().get(0).values().get(ExperimentTables.AUC);
            assertFalse(Double.isNaN(auc.lower()), "the AUC has its bootstrap interval");
        }
    }

    private static List<Path> cellFiles(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            return s.filter(p -> p.getFileName().toString().equals(ExperimentCell.FILE)).toList();
        }
    }
}
