package attndx.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {

    @Test
    void eceAndMceOnConstructedPredictions() {
        // 10 at confidence 0.9 with 8 correct (gap 0.1), 10 at 0.6 with 6 correct (gap 0)
        double[] conf = new double[20];
        boolean[] ok = new boolean[20];
        for (int i = 0; i < 20; i++) {
            conf[i] = i < 10 ? 0.9 : 0.6;
            ok[i] = i < 10 ? i < 8 : i < 16;
        }
        ReliabilityDiagram w = Reliability.equalWidth(conf, ok, 15);
        assertEquals(0.05, w.ece(), 1e-12);
        assertEquals(0.1, w.mce(), 1e-12);
        assertEquals(15, w.bins().size());
        ReliabilityDiagram m = Reliability.equalMass(conf, ok, 2);
        assertEquals(0.05, m.ece(), 1e-12);
        assertEquals(10, m.bins().get(0).count());
        assertTrue(Double.isNaN(Reliability.equalWidth(new double[0], new boolean[0], 15).ece()));
    }

    @Test
    void brierAndNllOfOneConfidentBinaryPrediction() {
        double logit = Math.log(0.8 / 0.2);
        Predictions p = Predictions.singleLabel(TaskType.BINARY, new double[][] {{logit}}, new int[] {1});
        CalibrationMetrics m = CalibrationMetrics.of(p, 1.0, 15);
        assertEquals(0.08, m.brier(), 1e-12);
        assertEquals(-Math.log(0.8), m.nll(), 1e-12);
        assertEquals(0.2, m.ece(), 1e-12);
    }

    @Test
    void multiLabelIsComparedPerLabel() {
        Predictions p = Predictions.multiLabel(new double[][] {{1, -1}, {-1, 2}},
                new boolean[][] {{true, false}, {false, true}});
        TemperatureFit fit = new TemperatureFit(2.0, 1, 1, 1, 1, 2, "test");
        List<CalibrationComparison> c = CalibrationComparison.of(p, fit, List.of("a", "b"), 10);
        assertEquals(2, c.size());
        assertEquals("b", c.get(1).name());
        assertEquals(2.0, c.get(1).after().temperature());
        assertTrue(c.get(0).after().nll() > c.get(0).before().nll());
    }

    @Test
    void malformedPredictionsNameShapesAndIndex() {
        AttndxException e = assertThrows(AttndxException.class, () ->
                Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 2}, {1, 2}}, new int[] {0}));
        assertTrue(e.getMessage().contains("2 rows") && e.getMessage().contains("1 entries"), e.getMessage());
        e = assertThrows(AttndxException.class, () ->
                Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 2}, {Double.NaN, 2}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("logits[1][0] is NaN"), e.getMessage());
        e = assertThrows(AttndxException.class, () ->
                Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 2}, {1, 2, 3}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("row 1 has 3 columns, expected 2"), e.getMessage());
        e = assertThrows(AttndxException.class, () ->
                Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 2}}, new int[] {2}));
        assertTrue(e.getMessage().contains("labels[0] = 2 is outside the classes [0, 2)"), e.getMessage());
    }

    @Test
    void accumulatorAggregatesBatches() {
        PredictionAccumulator acc = new PredictionAccumulator(TaskType.BINARY);
        acc.update(new float[][] {{0.5f}, {-1f}}, new int[] {1, 0});
        acc.update(new float[][] {{2f}}, new int[] {1});
        assertEquals(3, acc.aggregate().size());
        acc.reset();
        assertEquals(0, acc.aggregate().size());
    }
}
