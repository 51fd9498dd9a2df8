package attndx.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables from hand-made cells: mean, sample std, per-seed values, mean bootstrap bounds, readings. */
class ExperimentTablesTest {
    @TempDir
    Path tmp;

    private ExperimentConfig config(String variants) throws IOException {
        Path f = tmp.resolve("e.yaml");
        Files.writeString(f, "name: t\nvariants: " + variants + "\nseeds: [1, 2]\naudit: {posthocMethods: [gradcam]}\n");
        return ExperimentConfigLoader.load(f, ExperimentConfigLoader.Overrides.none()).config();
    }

    private static CellRecord cell(Variant v, long seed, double auc, double deletion, double stability, double ece) {
        String m = v.attention() ? "attention" : "gradcam";
        return new CellRecord(CellRecord.FORMAT, new ExperimentResults.Cell(v.id(), seed, ExperimentCell.dir(v, seed),
                1, null, null, null), Map.of("auc", new CellRecord.Figure(auc, auc - 0.1, auc + 0.05),
                "sensAtSpec", new CellRecord.Figure(0.5, 0.4, 0.6), "ecePercent", CellRecord.Figure.of(ece),
                "deletionAuc." + m, CellRecord.Figure.of(deletion), "stability." + m, CellRecord.Figure.of(stability)),
                List.of());
    }

    @Test
    void valuesAreMeanStdPerSeedAndMeanBounds() throws IOException {
        List<CellRecord> cells = new ArrayList<>();
        cells.add(cell(Variant.GAP, 1, 0.80, 0.40, 0.60, 6.0));
        cells.add(cell(Variant.GAP, 2, 0.90, 0.30, 0.70, 4.0));
        cells.add(cell(Variant.ATTN_MULTISCALE_CONS, 1, 0.92, 0.25, 0.90, 3.0));
        cells.add(cell(Variant.ATTN_MULTISCALE_CONS, 2, Double.NaN, 0.27, 0.80, 3.0));
        ExperimentTables t = new ExperimentTables(config("[gap, attn-multiscale-cons]"), cells);

        ExperimentResults.Table t2 = t.table2();
        assertEquals(List.of("auc", "sensAtSpec90", "ecePercent"), t2.columns());
        assertEquals(List.of("Backbone only (GAP)", "Post-hoc Grad-CAM (on the backbone)",
                "Proposed multi-scale attention"), t2.rows().stream().map(ExperimentResults.Row::label).toList());
        ExperimentResults.Value gapAuc = t2.rows().get(0).values().get("auc");
        assertEquals(0.85, gapAuc.mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), gapAuc.std(), 1e-12);
        assertArrayEquals(new double[] {0.80, 0.90}, gapAuc.perSeed(), 1e-12);
        assertEquals(0.75, gapAuc.lower(), 1e-12);
        assertEquals(0.90, gapAuc.upper(), 1e-12);
        ExperimentResults.Value proposedAuc = t2.rows().get(2).values().get("auc");
        assertEquals(0.92, proposedAuc.mean(), 1e-12);
        assertTrue(Double.isNaN(proposedAuc.std()), "one defined seed: no spread");
        assertTrue(Double.isNaN(proposedAuc.perSeed()[1]));
        assertEquals("Against the backbone alone, the proposed multi-scale attention model raised AUC from 0.850 to"
                + " 0.920, left Sens@Spec=0.90 at 0.500 (no change) and lowered ECE after temperature scaling from 5.0%"
                + " to 3.0%; post-hoc Grad-CAM explains the backbone without changing its predictions.", t2.reading());

        ExperimentResults.Table t3 = t.table3();
        assertEquals(List.of("auc", "deletionAuc", "stability", "ecePercent"), t3.columns());
        assertEquals(0.26, t3.rows().get(1).values().get("deletionAuc").mean(), 1e-12);
        assertEquals("Attn-multiscale-cons against gap lowered deletion AUC from 0.350 to 0.260 and raised stability"
                + " from 0.650 to 0.850.", t3.reading());
        assertTrue(t.extra().rows().isEmpty());
    }

    @Test
    void aStepThatDidNotHelpIsSaidPlainly() throws IOException {
        List<CellRecord> cells = new ArrayList<>();
        for (long s : List.of(1L, 2L)) {
            cells.add(cell(Variant.ATTN_SINGLE, s, 0.9, 0.30, 0.80, 3));
            cells.add(cell(Variant.ATTN_MULTISCALE, s, 0.9, 0.35, 0.70, 3));
        }
        ExperimentTables t = new ExperimentTables(config("[attn-single, attn-multiscale]"), cells);
        assertEquals("Multi-scale fusion raised deletion AUC from 0.300 to 0.350 (worse: it did not help) and lowered"
                + " stability from 0.800 to 0.700 (worse: it did not help).", t.table3().reading());
        assertEquals("Not comparable: Table 2 needs the variants gap and attn-multiscale-cons.", t.table2().reading());
    }
}
