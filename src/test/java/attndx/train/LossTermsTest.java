package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.data.TaskType;
import org.junit.jupiter.api.Test;

class LossTermsTest {
    private static final double EPS = 1e-5;

    /** A = [[0.2, 0.6], [0.4, 1.0]]. */
    private static NDArray map(NDManager m) {
        return m.create(new float[] {0.2f, 0.6f, 0.4f, 1.0f}, new Shape(1, 1, 2, 2));
    }

    @Test
    void sparsityIsMeanAbsoluteValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(2.2 / 4, SparsityLoss.compute(map(m)).getFloat(), EPS);
        }
    }

    @Test
    void smoothnessIsMeanVerticalPlusMeanHorizontalDifference() {
        try (NDManager m = NDManager.newBaseManager()) {
            // vertical |0.4-0.2|, |1.0-0.6| -> 0.3; horizontal |0.6-0.2|, |1.0-0.4| -> 0.5
            assertEquals(0.8, SmoothnessLoss.compute(map(m)).getFloat(), EPS);
            NDArray row = m.create(new float[] {0f, 1f, 3f}, new Shape(1, 1, 1, 3));
            assertEquals(1.5, SmoothnessLoss.compute(row).getFloat(), EPS);
        }
    }

    @Test
    void consistencyAveragesOverValidPixelsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f, 3f}, new Shape(1, 1, 1, 3));
            NDArray mapped = m.create(new float[] {0f, 4f, 9f}, new Shape(1, 1, 1, 3));
            NDArray valid = m.create(new float[] {1f, 1f, 0f}, new Shape(1, 1, 1, 3));
            assertEquals((1 + 4) / 2.0, ConsistencyLoss.compute(a, new WarpResult(mapped, valid)).getFloat(), EPS);
            NDArray none = m.zeros(new Shape(1, 1, 1, 3));
            assertEquals(0, ConsistencyLoss.compute(a, new WarpResult(mapped, none)).getFloat(), EPS);
            assertThrows(IllegalArgumentException.class,
                    () -> ConsistencyLoss.compute(a, new WarpResult(m.zeros(new Shape(1, 1, 1, 2)), valid)));
        }
    }

    @Test
    void segmentationUsesOnlySamplesWithMasks() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0f, 0f, 2f, -2f}, new Shape(2, 1, 1, 2));
            NDArray masks = m.create(new float[] {1f, 0f, 0f, 0f}, new Shape(2, 1, 1, 2));
            NDArray present = m.create(new float[] {1f, 0f});
            assertEquals(Math.log(2), SegmentationLoss.compute(logits, masks, present).getFloat(), EPS);
            assertEquals(0, SegmentationLoss.compute(logits, masks, m.zeros(new Shape(2))).getFloat(), EPS);
        }
    }

    @Test
    void crossEntropyWithLabelSmoothingOnTwoLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClassificationLoss loss = new ClassificationLoss(TaskType.BINARY, 0.1f, 0f, null);
            double lp0 = -Math.log1p(Math.exp(-2));
            double lp1 = lp0 - 2;
            double expected = -(0.95 * lp0 + 0.05 * lp1);
            NDArray logits = m.create(new float[] {2f, 0f}, new Shape(1, 2));
            assertEquals(expected, loss.compute(logits, m.create(new int[] {0})).getFloat(), EPS);
        }
    }

    @Test
    void focalLossWithGammaTwo() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClassificationLoss loss = new ClassificationLoss(TaskType.MULTICLASS, 0f, 2f, null);
            // p = (0.25, 0.75); -(1 - 0.25)^2 ln 0.25
            NDArray logits = m.create(new float[] {0f, (float) Math.log(3)}, new Shape(1, 2));
            assertEquals(0.5625 * Math.log(4), loss.compute(logits, m.create(new int[] {0})).getFloat(), EPS);
        }
    }

    @Test
    void classWeightsScaleSamplesByTheirClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClassificationLoss loss = new ClassificationLoss(TaskType.BINARY, 0f, 0f, new float[] {1.5f, 0.5f});
            NDArray logits = m.zeros(new Shape(2, 2));
            assertEquals(1.5 * Math.log(2), loss.compute(logits, m.create(new int[] {0, 0})).getFloat(), EPS);
            assertEquals(Math.log(2), loss.compute(logits, m.create(new int[] {0, 1})).getFloat(), EPS);
        }
    }

    @Test
    void binaryCrossEntropyMultiLabel() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClassificationLoss loss = new ClassificationLoss(TaskType.MULTILABEL, 0f, 0f, null);
            // p = (0.5, 0.75), t = (1, 0): (-ln 0.5 - ln 0.25) / 2
            NDArray logits = m.create(new float[] {0f, (float) Math.log(3)}, new Shape(1, 2));
            NDArray targets = m.create(new float[] {1f, 0f}, new Shape(1, 2));
            assertEquals((Math.log(2) + Math.log(4)) / 2, loss.compute(logits, targets).getFloat(), EPS);
            ClassificationLoss weighted = new ClassificationLoss(TaskType.MULTILABEL, 0f, 0f, new float[] {3f, 1f});
            assertEquals((3 * Math.log(2) + Math.log(4)) / 2, weighted.compute(logits, targets).getFloat(), EPS);
        }
    }

    @Test
    void extremeLogitsStayFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {100f, -100f}, new Shape(1, 2));
            float ce = new ClassificationLoss(TaskType.BINARY, 0f, 0f, null).compute(logits, m.create(new int[] {1}))
                    .getFloat();
            assertEquals(200, ce, 1e-3);
            float bce = new ClassificationLoss(TaskType.MULTILABEL, 0f, 0f, null)
                    .compute(logits, m.create(new float[] {0f, 1f}, new Shape(1, 2))).getFloat();
            assertEquals(100, bce, 1e-3);
        }
    }

    @Test
    void malformedTargetsAreRejectedWithShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ClassificationLoss loss = new ClassificationLoss(TaskType.MULTILABEL, 0f, 0f, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.compute(m.zeros(new Shape(2, 3)), m.zeros(new Shape(2))));
            assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }
}
