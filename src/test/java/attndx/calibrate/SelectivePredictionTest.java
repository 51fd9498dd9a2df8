package attndx.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectivePredictionTest {

    @Test
    void riskCoverageAndAurcOnHandExample() {
        RiskCoverageCurve c = RiskCoverageCurve.of(new double[] {0.7, 0.9, 0.6, 0.8},
                new boolean[] {true, true, true, false});
        // sorted: .9 ok, .8 wrong, .7 ok, .6 ok -> risks 0, 1/2, 1/3, 1/4
        assertEquals((0 + 0.5 + 1.0 / 3 + 0.25) / 4, c.aurc(), 1e-12);
        assertEquals(0.8, c.thresholdForCoverage(0.5));
        assertEquals(0.6, c.thresholdForCoverage(1.0));
        assertEquals(0.6, c.thresholdForRisk(0.3));
        assertEquals(0.9, c.thresholdForRisk(0.0));
        assertEquals(Double.POSITIVE_INFINITY, c.thresholdForRisk(-1));
    }

    @Test
    void tiedConfidencesAreAcceptedTogether() {
        RiskCoverageCurve c = RiskCoverageCurve.of(new double[] {0.9, 0.9, 0.5}, new boolean[] {true, false, true});
        assertEquals(2, c.thresholds().length);
        assertEquals(2.0 / 3 * 0.5 + 1.0 / 3 * (1.0 / 3), c.aurc(), 1e-12);
    }

    @Test
    void abstentionReportsCoverageAccuracyAndSensitivity() {
        double l9 = Math.log(9);
        double l6 = Math.log(1.5);
        // binary single-logit: p = 0.9, 0.1, 0.6, 0.4; labels 1, 0, 0, 1
        Predictions p = Predictions.singleLabel(TaskType.BINARY, new double[][] {{l9}, {-l9}, {l6}, {-l6}},
                new int[] {1, 0, 0, 1});
        SelectiveReport r = SelectivePrediction.report(p, 1.0, p, List.of(0.5, 1.0), 0.5);
        CoveragePoint half = r.atCoverages().get(0);
        assertEquals(0.5, half.coverage(), 1e-12);
        assertEquals(2, half.referred());
        assertEquals(1.0, half.accuracy(), 1e-12);
        assertEquals(1.0, half.sensitivity(), 1e-12);
        CoveragePoint all = r.atCoverages().get(1);
        assertEquals(0.5, all.accuracy(), 1e-12);
        assertEquals(0.5, all.sensitivity(), 1e-12);
        assertEquals(half, r.validationChosen());
        assertEquals((0 + 0 + 1.0 / 3 + 0.5) / 4, r.aurc(), 1e-12);
        // the stored curve at 20 target coverages: by confidence the images are right, right, wrong, wrong (0.9 and
        // 0.6 each twice, up to rounding), so k of the 4 accepted gives accuracy min(k, 2) / k
        assertEquals(20, r.curve().size());
        for (CoveragePoint c : r.curve()) {
            assertTrue(c.coverage() >= c.targetCoverage() - 1e-12, "at target " + c.targetCoverage());
            int k = (int) Math.round(4 * c.coverage());
            assertEquals(Math.min(k, 2) / (double) k, c.accuracy(), 1e-12, "at target " + c.targetCoverage());
        }
        assertEquals(1.0, r.curve().get(19).coverage(), 1e-12);
        Predictions multi = Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 0, 0}}, new int[] {0});
        assertNull(SelectivePrediction.report(multi, 1.0, null, List.of(1.0), 1.0).atCoverages().get(0).sensitivity());
    }

    @Test
    void mcDropoutEntropyAndMutualInformation() {
        McDropoutSummary s = McDropout.summarise(new double[][][] {{{1, 0}, {0.5, 0.5}}, {{0, 1}, {0.5, 0.5}}});
        assertEquals(Math.log(2), s.predictiveEntropy()[0], 1e-12);
        assertEquals(0, s.expectedEntropy()[0], 1e-12);
        assertEquals(Math.log(2), s.mutualInformation()[0], 1e-12);
        assertEquals(Math.log(2), s.predictiveEntropy()[1], 1e-12);
        assertEquals(0, s.mutualInformation()[1], 1e-12);
        assertEquals(0.5, s.meanProbabilities()[0][1], 1e-12);
    }
}
