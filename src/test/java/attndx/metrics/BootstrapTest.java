package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void resamplingKeepsPatientsWholeAndImagesWithoutIdAlone() {
        String[] ids = {"a", "a", "b", null, "c", "c", "c", " "};
        PatientGroups g = PatientGroups.of(ids, ids.length);
        assertEquals(5, g.patients());
        int[] counts = new int[g.patients()];
        int[] w = new int[ids.length];
        SplittableRandom rng = new SplittableRandom(7);
        for (int r = 0; r < 200; r++) {
            g.resample(rng, counts, w);
            assertEquals(w[0], w[1]);
            assertEquals(w[4], w[5]);
            assertEquals(w[5], w[6]);
            assertEquals(5, Arrays.stream(counts).sum());
        }
    }

    @Test
    void percentileIntervalCoversTrueAucAtAboutNominalRate() {
        // Binormal model: positives N(1,1), negatives N(0,1) -> AUC = Phi(1/sqrt 2).
        double truth = new NormalDistribution().cumulativeProbability(1 / Math.sqrt(2));
        SplittableRandom rng = new SplittableRandom(2024);
        int covered = 0;
        int datasets = 200;
        for (int d = 0; d < datasets; d++) {
            int n = 150;
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3 == 0;
                s[i] = rng.nextGaussian() + (y[i] ? 1 : 0);
            }
            RankedScores r = RankedScores.of(s, y);
            Estimate e = Bootstrap.estimate(PatientGroups.of(null, n), new BootstrapConfig(200, 0.95, d), 1,
                    w -> new double[] {r.auc(w)})[0];
            covered += e.lower() <= truth && truth <= e.upper() ? 1 : 0;
        }
        double coverage = covered / (double) datasets;
        assertTrue(coverage >= 0.88 && coverage <= 0.99, "coverage " + coverage);
    }

    @Test
    void undefinedResamplesAreSkippedAndCounted() {
        double[] s = {0.9, 0.1, 0.2, 0.3, 0.4};
        boolean[] y = {true, false, false, false, false};
        RankedScores r = RankedScores.of(s, y);
        Estimate e = Bootstrap.estimate(PatientGroups.of(null, 5), new BootstrapConfig(100, 0.95, 1), 1,
                w -> new double[] {r.auc(w)})[0];
        assertEquals(1.0, e.value());
        // P(the one positive is never drawn) = (4/5)^5 ~ 0.33
        assertTrue(e.skipped() > 10 && e.skipped() < 60, "skipped " + e.skipped());
        assertEquals(100, e.skipped() + e.resamples());
    }

    @Test
    void typeSevenQuantile() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(1.1, Bootstrap.quantile(v, 0.025), 1e-12);
        assertEquals(3.0, Bootstrap.quantile(v, 0.5), 1e-12);
        assertTrue(Double.isNaN(Bootstrap.quantile(new double[0], 0.5)));
    }
}
