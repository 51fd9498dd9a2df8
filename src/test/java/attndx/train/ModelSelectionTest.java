package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelSelectionTest {
    private static final double EPS = 1e-12;

    @Test
    void scoreIsAucMinusWeightedEce() {
        ModelSelection s = new ModelSelection(0.5, 3, 0);
        assertEquals(0.85, s.score(0.90, 0.10), EPS);
        assertEquals(0.40, s.score(0.90, Double.NaN), EPS, "an undefined ECE counts as the worst, 1");
        assertTrue(Double.isNaN(s.score(Double.NaN, 0.1)));
    }

    @Test
    void calibrationCanOutweighASmallAucGain() {
        ModelSelection s = new ModelSelection(0.5, 3, 0);
        assertTrue(s.offer(1, 0.90, 0.10));
        assertFalse(s.offer(2, 0.91, 0.30), "0.91 - 0.15 = 0.76 < 0.85");
        assertTrue(s.offer(3, 0.89, 0.02), "0.89 - 0.01 = 0.88 > 0.85");
        assertEquals(3, s.bestEpoch());
        assertEquals(0.88, s.bestScore(), EPS);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementLargerThanMinDelta() {
        ModelSelection s = new ModelSelection(0, 2, 0.01);
        assertTrue(s.offer(1, 0.80, 0));
        assertFalse(s.offer(2, 0.805, 0), "+0.005 is within minDelta");
        assertFalse(s.shouldStop());
        assertFalse(s.offer(3, 0.79, 0));
        assertTrue(s.shouldStop());
        assertEquals(1, s.bestEpoch());
        assertEquals(2, s.sinceBest());
    }

    @Test
    void undefinedAucNeverWinsButCountsTowardsPatience() {
        ModelSelection s = new ModelSelection(0.5, 2, 0);
        assertFalse(s.offer(1, Double.NaN, 0.1));
        assertEquals(-1, s.bestEpoch());
        assertEquals(Double.NEGATIVE_INFINITY, s.bestScore());
        assertFalse(s.offer(2, Double.NaN, 0.1));
        assertTrue(s.shouldStop());
    }

    @Test
    void restoredStateContinuesLikeTheOriginal() {
        ModelSelection original = new ModelSelection(0.5, 3, 0);
        original.offer(1, 0.9, 0.1);
        original.offer(2, 0.8, 0.1);
        ModelSelection restored = new ModelSelection(0.5, 3, 0);
        restored.restore(original.bestScore(), original.bestEpoch(), original.sinceBest());
        assertEquals(original.offer(3, 0.8, 0.1), restored.offer(3, 0.8, 0.1));
        assertFalse(restored.shouldStop());
        assertEquals(original.shouldStop(), restored.shouldStop());
        restored.offer(4, 0.8, 0.1);
        assertTrue(restored.shouldStop(), "epochs 2, 3, 4 without improvement");
    }

    @Test
    void rejectsInvalidSettings() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModelSelection(-1, 3, 0)).getMessage()
                .contains("eceWeight"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModelSelection(0.5, 0, 0)).getMessage()
                .contains("patience"));
    }

    @Test
    void undefinedEceNeverBeatsADefinedOneAndIsWarnedAbout() {
        ModelSelection s = new ModelSelection(0.5, 3, 0);
        assertTrue(s.offer(1, 0.80, 0.10), "0.80 - 0.05 = 0.75");
        assertFalse(s.offer(2, 0.95, Double.NaN), "0.95 - 0.5 = 0.45: no bonus for an undefined calibration");
        assertEquals(1, s.bestEpoch());
        String w = ModelSelection.warning(2, 0.95, Double.NaN);
        assertTrue(w != null && w.contains("epoch 2") && w.contains("ECE is undefined"), w);
        assertEquals(null, ModelSelection.warning(1, 0.80, 0.10));
    }
}
