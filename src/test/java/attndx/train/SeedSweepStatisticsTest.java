package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedSweepStatisticsTest {
    @Test
    void meanAndSampleStandardDeviation() {
        assertEquals(0.85, SeedSweep.mean(new double[] {0.8, 0.9}), 1e-12);
        // deviations +-0.05: sqrt((0.0025 + 0.0025) / (2 - 1))
        assertEquals(Math.sqrt(0.005), SeedSweep.std(new double[] {0.8, 0.9}), 1e-12);
        assertEquals(1.0, SeedSweep.std(new double[] {1, 2, 3}), 1e-12);
        assertTrue(Double.isNaN(SeedSweep.std(new double[] {0.8})), "one seed has no spread");
    }
}
