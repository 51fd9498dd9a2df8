package attndx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import attndx.model.ModelConfig.Stem;

/** Tiny, seeded networks and inputs shared by the model tests. */
public final class NetworkFixtures {
    public static final int TINY_WIDTH = 8;

    private NetworkFixtures() {}

    public static ModelConfig tiny(String preset, int classes) {
        return ModelPresets.create(preset, 18, TINY_WIDTH, Stem.SMALL_INPUT, 1, classes);
    }

    public static DiagnosisNetwork init(ModelConfig config, NDManager manager, int size, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return ModelFactory.buildInitialized(config, manager, size, size);
    }

    public static NDArray randomInput(NDManager manager, int batch, int channels, int size) {
        return manager.randomUniform(0f, 1f, new Shape(batch, channels, size, size));
    }

    public static DiagnosisOutput forward(DiagnosisNetwork net, NDManager manager, NDArray x, boolean training) {
        return new DiagnosisOutput(net.forward(new ParameterStore(manager, false), new NDList(x), training));
    }

    /**
     * Within 1e-4 relative per element, plus 1e-5 of the array's largest magnitude: an element near zero in
     * a map of values in the hundreds carries the rounding of those values (summation order differs
     * between kernels and layouts).
     */
    public static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        float scale = 0f;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            float tol = 1e-4f * Math.max(1f, Math.abs(expected[i])) + 1e-5f * scale;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}
