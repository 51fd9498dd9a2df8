package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** L_cons back-propagates into both A(x) and, through Pi's gather, A(T(x)). */
class GradientFlowTest {
    @Test
    void consistencyGradientReachesBothPasses() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3}, new Shape(1, 1, 1, 3));
            NDArray p = m.create(new float[] {0, 4, 9}, new Shape(1, 1, 1, 3));
            a.setRequiresGradient(true);
            p.setRequiresGradient(true);
            // Pi reads column x + 1; valid columns 0, 1: loss = ((1 - 4)^2 + (2 - 9)^2) / 2
            InverseMap pi = new AffineInverseMap(new Affine2D[] {Affine2D.translation(0, 1)}, 1, 3);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(ConsistencyLoss.compute(a, pi.toReference(p)));
            }
            assertArrayEquals(new float[] {-3, -7, 0}, a.getGradient().toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0, 3, 7}, p.getGradient().toFloatArray(), 1e-5f);
        }
    }
}
