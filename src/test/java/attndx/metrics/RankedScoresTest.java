package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RankedScoresTest {
    // negatives 0.1..0.95 (10), positives 0.35..0.97 (5)
    private static final double[] SCORES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
        0.35, 0.55, 0.75, 0.85, 0.97};
    private static final boolean[] POS = {false, false, false, false, false, false, false, false, false, false,
        true, true, true, true, true};
    private final RankedScores ranked = RankedScores.of(SCORES, POS);

    @Test
    void sensitivityAtSpecificityPicksLowestThresholdMeetingTarget() {
        assertEquals(new OperatingPoint(0.95, 0.2, 0.9), ranked.sensitivityAtSpecificity(0.9, null));
        OperatingPoint p = ranked.sensitivityAtSpecificity(0.8, null);
        assertEquals(0.85, p.threshold());
        assertEquals(0.4, p.sensitivity(), 1e-12);
        assertEquals(0.8, p.specificity(), 1e-12);
        assertEquals(new OperatingPoint(Double.POSITIVE_INFINITY, 0, 1),
                RankedScores.of(new double[] {0.9, 0.1}, new boolean[] {false, true}).sensitivityAtSpecificity(0.9, null));
    }

    @Test
    void specificityAtSensitivityPicksHighestThresholdMeetingTarget() {
        OperatingPoint p = ranked.specificityAtSensitivity(0.6, null);
        assertEquals(0.75, p.threshold());
        assertEquals(0.6, p.sensitivity(), 1e-12);
        assertEquals(0.7, p.specificity(), 1e-12);
        assertNull(RankedScores.of(new double[] {0.2}, new boolean[] {true}).specificityAtSensitivity(0.9, null));
    }

    @Test
    void confusionAtThreshold() {
        Confusion c = ranked.confusion(0.5, null);
        // called positive: scores >= 0.5 -> negatives .5,.6,.7,.8,.9,.95 (6), positives .55,.75,.85,.97 (4)
        assertEquals(new Confusion(4, 6, 4, 1), c);
        assertEquals(8.0 / 15, c.accuracy(), 1e-12);
        assertEquals(0.8, c.sensitivity(), 1e-12);
        assertEquals(0.4, c.specificity(), 1e-12);
        assertEquals(0.4, c.ppv(), 1e-12);
        assertEquals(0.8, c.npv(), 1e-12);
        assertEquals(Double.NaN, ranked.confusion(2.0, null).ppv());
    }

    @Test
    void rocCurveEndsAtOneOne() {
        var roc = ranked.rocCurve();
        assertEquals(16, roc.size());
        assertEquals(1.0, roc.get(roc.size() - 1)[0]);
        assertEquals(1.0, roc.get(roc.size() - 1)[1]);
    }
}
