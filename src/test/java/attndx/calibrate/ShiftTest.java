package attndx.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShiftTest {
    private static final double[][] ONE_CLASS = {{1, 0}, {-1, 0}, {0, 2}, {0, -2}};

    @Test
    void ledoitWolfOnHandExample() {
        // S = diag(0.5, 2), m = 1.25, d2 = 1.125, b2 = 17/16 -> delta = 17/18
        LedoitWolf lw = LedoitWolf.fit(ONE_CLASS);
        assertEquals(17.0 / 18, lw.shrinkage(), 1e-12);
        assertEquals(29.0 / 24, lw.covariance()[0][0], 1e-12);
        assertEquals(31.0 / 24, lw.covariance()[1][1], 1e-12);
        assertEquals(0, lw.covariance()[0][1], 1e-12);
    }

    @Test
    void mahalanobisDistanceOnTwoDimensionalHandExample() {
        MahalanobisShift one = MahalanobisShift.fit(ONE_CLASS, new int[4]);
        double[] d = one.score(new double[][] {{3, 0}, {0, 3}});
        assertEquals(Math.sqrt(216.0 / 29), d[0], 1e-9);
        assertEquals(Math.sqrt(216.0 / 31), d[1], 1e-9);
        // second class at (10, 0) with the same offsets: delta = 17/36, Sigma_11 = 30.75/36
        double[][] two = new double[8][];
        int[] labels = new int[8];
        for (int i = 0; i < 4; i++) {
            two[i] = ONE_CLASS[i];
            two[i + 4] = new double[] {ONE_CLASS[i][0] + 10, ONE_CLASS[i][1]};
            labels[i + 4] = 1;
        }
        MahalanobisShift m = MahalanobisShift.fit(two, labels);
        assertEquals(17.0 / 36, m.shrinkage(), 1e-12);
        assertEquals(2 / Math.sqrt(30.75 / 36), m.score(new double[][] {{8, 0}})[0], 1e-9);
        AttndxException e = assertThrows(AttndxException.class, () -> m.score(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("3 columns"), e.getMessage());
    }

    @Test
    void energyThresholdAndFlagRate() {
        assertEquals(-Math.log(2), ShiftScores.energy(new double[][] {{0, 0}}, 1)[0], 1e-12);
        assertEquals(-Math.log(2), ShiftScores.energy(new double[][] {{0}}, 1)[0], 1e-12);
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        double t = ShiftScores.thresholdAtFalseFlagRate(v, 0.05);
        assertEquals(95, t);
        assertEquals(0.05, ShiftScores.flagRate(v, t), 1e-12);
    }

    @Test
    void ksSeparatesShiftedFromIdenticalSamples() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] a = new double[300];
        double[] b = new double[300];
        double[] c = new double[300];
        for (int i = 0; i < 300; i++) {
            a[i] = rng.nextGaussian();
            b[i] = rng.nextGaussian();
            c[i] = rng.nextGaussian() + 1;
        }
        KsResult same = KsResult.compare(a, a);
        assertEquals(0, same.statistic(), 1e-12);
        assertEquals(1, same.pValue(), 1e-9);
        assertTrue(KsResult.compare(a, b).pValue() > 0.01);
        assertTrue(KsResult.compare(a, c).pValue() < 1e-6);
    }

    @Test
    void detectorFlagsShiftedFeatures() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] train = gaussian(rng, 400, 0);
        ShiftDetector d = ShiftDetector.mahalanobis(train, new int[400], gaussian(rng, 400, 0), 0.05);
        ShiftDetector.CohortShift near = d.test(d.score(null, gaussian(rng, 200, 0)));
        ShiftDetector.CohortShift far = d.test(d.score(null, gaussian(rng, 200, 3)));
        assertTrue(near.flagRate() < 0.15, "near " + near.flagRate());
        assertTrue(far.flagRate() > 0.9, "far " + far.flagRate());
        assertTrue(far.ks().pValue() < 1e-6);
    }

    private static double[][] gaussian(SplittableRandom rng, int n, double shift) {
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int a = 0; a < 3; a++) {
                row[a] = rng.nextGaussian() + shift;
            }
        }
        return x;
    }
}
