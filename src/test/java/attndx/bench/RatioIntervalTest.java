package attndx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bootstrap interval of a speed ratio, on hand-made timings. */
class RatioIntervalTest {
    @Test
    void constantTimingsGiveThePointRatio() {
        RatioInterval r = RatioInterval.of(new double[] {0.5, 0.5, 0.5}, new double[] {0.6, 0.6}, 0.95);
        assertEquals(1.2, r.low(), 1e-12);
        assertEquals(1.2, r.high(), 1e-12);
    }

    /**
     * Every resampled median lies between a side's smallest and largest call, so the ratio's interval lies
     * within [min(ref) / max(ours), max(ref) / min(ours)] = [0.9 / 1.2, 1.3 / 0.8]; with spread on both sides
     * it is wider than a point, and it contains the ratio of the medians (1.1 / 1.0).
     */
    @Test
    void theIntervalLiesWithinTheExtremeRatiosAndContainsTheMedianRatio() {
        double[] ours = {0.8, 1.0, 1.0, 1.2, 0.9, 1.1};
        double[] reference = {0.9, 1.1, 1.3, 1.1, 1.0, 1.2};
        RatioInterval r = RatioInterval.of(ours, reference, 0.95);
        assertTrue(r.low() >= 0.9 / 1.2 && r.high() <= 1.3 / 0.8, r.toString());
        assertTrue(r.low() < r.high(), r.toString());
        double point = 1.1 / 1.0;
        assertTrue(r.low() <= point && point <= r.high(), r.toString());
        assertEquals(r, RatioInterval.of(ours.clone(), reference.clone(), 0.95), "seeded");
        RatioInterval narrow = RatioInterval.of(ours, reference, 0.5);
        assertTrue(narrow.low() >= r.low() && narrow.high() <= r.high(), narrow + " within " + r);
    }

    @Test
    void aSideNotRunGivesNaNAndABadLevelIsRefused() {
        RatioInterval r = RatioInterval.of(new double[] {1}, new double[0], 0.95);
        assertTrue(Double.isNaN(r.low()) && Double.isNaN(r.high()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RatioInterval.of(new double[] {1}, new double[] {1}, 1.0));
        assertEquals("level must be in (0, 1), got 1.0", e.getMessage());
    }
}
