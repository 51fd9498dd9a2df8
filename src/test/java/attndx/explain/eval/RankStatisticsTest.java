package attndx.explain.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ranks, Spearman, the signed-rank test and the AUC on hand-computed cases. */
class RankStatisticsTest {
    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankStatistics.ranks(new double[] {1, 5, 5, 9}), 1e-12);
    }

    @Test
    void spearmanOfMonotoneAndReversedOrders() {
        assertEquals(1, RankStatistics.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 300}), 1e-12);
        assertEquals(-1, RankStatistics.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(RankStatistics.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void signedRankOfAllPositiveDifferences() {
        // n = 10 positive differences: W+ = 55, mean 27.5, var 10*11*21/24 = 96.25, z = (27.5 - 0.5) / 9.8107.
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        RankStatistics.SignedRank r = RankStatistics.signedRank(d);
        assertEquals(27.0 / Math.sqrt(96.25), r.z(), 1e-9);
        assertEquals(1.0, r.rankBiserial(), 1e-12);
        assertTrue(r.p() < 0.01, "p " + r.p());
        assertTrue(RankStatistics.signedRank(new double[] {-1, -2, -3, -4, -5}).p() > 0.9);
    }

    @Test
    void aucCountsTiesHalf() {
        // Positive-negative pairs: (0.5, 0.1) 1, (0.5, 0.5) 1/2, (0.9, 0.1) 1, (0.9, 0.5) 1: 3.5 / 4.
        assertEquals(0.875, RankStatistics.auc(new double[] {0.1, 0.5, 0.5, 0.9},
                new boolean[] {false, false, true, true}), 1e-12);
        assertTrue(Double.isNaN(RankStatistics.auc(new double[] {1, 2}, new boolean[] {true, true})));
    }
}
