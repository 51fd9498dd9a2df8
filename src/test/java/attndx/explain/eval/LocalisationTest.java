package attndx.explain.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pointing game, IoU, Dice and energy pointing on a 4 x 4 map and mask with hand-computed answers. */
class LocalisationTest {
    // Mask: the 2 x 2 block at rows 0-1, columns 2-3.
    private static final float[] MASK = {
        0, 0, 1, 1,
        0, 0, 1, 1,
        0, 0, 0, 0,
        0, 0, 0, 0};
    private static final float[] MAP = {
        0, 0, 0.8f, 0.6f,
        0, 0, 0.4f, 0,
        0, 0, 0, 0,
        1, 0, 0, 0.2f};

    @Test
    void pointingHitsOnlyWithinTheTolerance() {
        // Peak at (3, 0); nearest mask pixel (1, 2) is 2 rows and 2 columns away.
        assertEquals(0, Localisation.pointing(MAP, MASK, 4, 0));
        assertEquals(0, Localisation.pointing(MAP, MASK, 4, 1));
        assertEquals(1, Localisation.pointing(MAP, MASK, 4, 2));
    }

    @Test
    void iouAndDiceOfTopShareAndThreshold() {
        // Top 25 % = 4 pixels: 1.0 (3,0), 0.8 (0,2), 0.6 (0,3), 0.4 (1,2); 3 inside, union 4 + 4 - 3 = 5.
        boolean[] top = Localisation.top(MAP, 0.25);
        assertEquals(3.0 / 5, Localisation.iou(top, MASK), 1e-12);
        assertEquals(2.0 * 3 / 8, Localisation.dice(top, MASK), 1e-12);
        // >= 0.5: (3,0), (0,2), (0,3): 2 inside, union 3 + 4 - 2 = 5.
        boolean[] half = Localisation.atLeast(MAP, 0.5);
        assertEquals(2.0 / 5, Localisation.iou(half, MASK), 1e-12);
        assertEquals(2.0 * 2 / 7, Localisation.dice(half, MASK), 1e-12);
    }

    @Test
    void energyIsTheMassShareInside() {
        assertEquals(1.8 / 3.0, Localisation.energy(MAP, MASK), 1e-6);
        assertTrue(Double.isNaN(Localisation.energy(new float[16], MASK)));
    }

    @Test
    void skippedImagesAreCountedNotScored() {
        ExplainData d = new ExplainData(new String[] {"a", "b"}, new float[2][16], new float[2][16], new int[] {1, 0},
                new float[][] {MASK, null}, 1, 4, 4, null);
        PerImageScores s = new PerImageScores(d.ids());
        LocalisationCheck.Result r = LocalisationCheck.run(d, java.util.Map.of("m", new float[][] {MAP, MAP}),
                LocalisationConfig.defaults(), s).get("m");
        assertEquals(1, r.annotated());
        assertEquals(1, r.skipped());
        assertEquals(1, r.scores().get("energy").n());
        assertTrue(Double.isNaN(s.get("m.energy")[1]));
    }
}
