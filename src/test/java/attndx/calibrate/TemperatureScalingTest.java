package attndx.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.TaskType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void recoversTheTemperatureLabelsWereSampledWith() {
        double tTrue = 2.0;
        int n = 20000;
        SplittableRandom rng = new SplittableRandom(11);
        double[][] logits = new double[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                logits[i][j] = 3 * rng.nextGaussian();
            }
            double[] p = Probabilities.softmax(logits[i], tTrue);
            double u = rng.nextDouble();
            int c = 0;
            while (c < 2 && u > p[c]) {
                u -= p[c++];
            }
            labels[i] = c;
        }
        TemperatureFit fit = TemperatureScaling.fit(Predictions.singleLabel(TaskType.MULTICLASS, logits, labels));
        assertEquals(tTrue, fit.temperature(), 0.02 * tTrue);
        assertTrue(fit.nllAfter() < fit.nllBefore());
        assertTrue(fit.iterations() > 0);
    }

    @Test
    void multiLabelSharesOneTemperatureOnSigmoidBce() {
        double tTrue = 0.5;
        int n = 10000;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] logits = new double[n][2];
        boolean[][] present = new boolean[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                logits[i][j] = rng.nextGaussian();
                present[i][j] = rng.nextDouble() < Probabilities.sigmoid(logits[i][j] / tTrue);
            }
        }
        TemperatureFit fit = TemperatureScaling.fit(Predictions.multiLabel(logits, present));
        assertEquals(tTrue, fit.temperature(), 0.04 * tTrue);
        assertTrue(fit.objective().contains("shared"));
    }

    @Test
    void perfectlySeparatedValidationIsReportedAsNonConvergence() {
        double[][] logits = {{2, -2}, {-2, 2}, {3, -1}};
        Predictions p = Predictions.singleLabel(TaskType.MULTICLASS, logits, new int[] {0, 1, 0});
        AttndxException e = assertThrows(AttndxException.class, () -> TemperatureScaling.fit(p));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        Predictions constant = Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{0, 0}, {0, 0}},
                new int[] {0, 1});
        assertThrows(AttndxException.class, () -> TemperatureScaling.fit(constant));
    }

    @Test
    void emptyValidationIsAnError() {
        Predictions p = Predictions.singleLabel(TaskType.BINARY, new double[0][], new int[0]);
        assertThrows(AttndxException.class, () -> TemperatureScaling.fit(p));
    }
}
