package attndx.kernels;

import attndx.core.Engines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import org.junit.jupiter.api.Test;

/** Loading TorchScript kernel sources: a working module, and the reasons given when one cannot load. */
class ScriptedKernelsTest {
    static {
        Engines.configure();
    }

    @Test
    void compilesTheSourceAndRunsItsMethodsOnDjlArrays() {
        ScriptedKernels.Loaded<ScriptedKernels> loaded = ScriptedKernels.load(ScriptedKernelsTest.class, "twice.py",
                k -> k, k -> { });
        assertEquals("on", loaded.status());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1.5f, -2f});
            NDArray y = loaded.get().orElseThrow().call("twice", x, IValue.from((PtNDArray) x));
            assertArrayEquals(new float[] {3f, -4f}, y.toFloatArray());
            assertEquals(m, y.getManager(), "the result belongs to the owner's manager");
        }
    }

    @Test
    void aSourceThatDoesNotCompileOrIsMissingIsOffWithTheReason() {
        ScriptedKernels.Loaded<ScriptedKernels> broken = ScriptedKernels.load(ScriptedKernelsTest.class, "broken.py",
                k -> k, k -> { });
        assertTrue(broken.get().isEmpty());
        assertTrue(broken.status().startsWith("off: broken.py: "), broken.status());
        assertTrue(broken.status().length() > "off: broken.py: ".length() + 10, "the compiler's reason: " + broken.status());
        ScriptedKernels.Loaded<ScriptedKernels> missing = ScriptedKernels.load(ScriptedKernelsTest.class, "nope.py",
                k -> k, k -> { });
        assertTrue(missing.status().contains("nope.py"), missing.status());
    }

    @Test
    void aFailedSelfTestTurnsTheKernelsOff() {
        ScriptedKernels.Loaded<ScriptedKernels> loaded = ScriptedKernels.load(ScriptedKernelsTest.class, "twice.py",
                k -> k, k -> {
                    throw new IllegalStateException("self-test gave wrong values");
                });
        assertTrue(loaded.get().isEmpty());
        assertTrue(loaded.status().endsWith("self-test gave wrong values"), loaded.status());
    }
}
