package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed figures of a few 2 x 2 maps. */
class AttentionStatisticsTest {
    @Test
    void figuresOfAPeakedAFlatAndAZeroMap() {
        AttentionStatistics s = new AttentionStatistics();
        // one pixel holds all mass: entropy 0; flat 0.5: entropy 1, nearly constant; zero map: constant
        s.update(new float[] {1, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f}, 4);
        s.update(new float[] {0, 0, 0, 0}, 4);
        AttentionStatistics.Summary r = s.summary();
        assertEquals(3, r.maps());
        assertEquals((0.25 + 0.5 + 0) / 3, r.mean(), 1e-9);
        assertEquals((1 + 0.5 + 0) / 3, r.max(), 1e-9);
        assertEquals((0 + 1 + 1) / 3.0, r.entropy(), 1e-9);
        assertEquals(2 / 3.0, r.nearlyConstant(), 1e-9);
    }

    @Test
    void entropyOfTwoEqualPixelsIsHalfOfTheMaximum() {
        AttentionStatistics s = new AttentionStatistics();
        s.update(new float[] {0.4f, 0.4f, 0, 0}, 4);
        assertEquals(Math.log(2) / Math.log(4), s.summary().entropy(), 1e-6);
        assertEquals(0, s.summary().nearlyConstant());
    }

    @Test
    void emptyIsNanAndPartialMapsAreRefused() {
        AttentionStatistics s = new AttentionStatistics();
        assertTrue(Double.isNaN(s.summary().mean()));
        assertThrows(IllegalArgumentException.class, () -> s.update(new float[5], 4));
        s.update(new float[] {1, 1, 1, 1}, 4);
        s.reset();
        assertEquals(0, s.summary().maps());
    }
}
