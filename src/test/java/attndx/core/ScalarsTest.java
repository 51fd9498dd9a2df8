package attndx.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void aScalarHasTheArraysTypeDeviceAndManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(2), DataType.FLOAT16);
            NDArray s = Scalars.like(x, 0.5);
            assertEquals(new Shape(), s.getShape());
            assertEquals(DataType.FLOAT16, s.getDataType());
            assertEquals(m, s.getManager());
            assertEquals(0.5f, s.toType(DataType.FLOAT32, false).getFloat(), 0f);
        }
    }

    /**
     * The gradient of {@code sum(x * 3)} read after a garbage collection has run and fresh direct memory has
     * been filled with 7s between the forward and the backward: with the factor from {@link Scalars} it is 3.
     * (With DJL's {@code x.mul(3f)} this test reads 7 or other garbage, since autograd kept a tensor over a
     * direct buffer that the collection freed.)
     */
    @Test
    void aScalarFactorSurvivesAGarbageCollectionBeforeTheBackward() throws InterruptedException {
        assertArrayEquals(new float[] {3f, 3f, 3f}, gradientAfterCollection((x, f) -> x.mul(Scalars.like(x, f))));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f},
                gradientAfterCollection((x, f) -> x.pow(Scalars.like(x, 2)).mul(Scalars.like(x, f / 12))));
    }

    private static float[] gradientAfterCollection(BiFunction<NDArray, Float, NDArray> times) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 1f, 1f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = times.apply(x, 3f).sum();
                overwriteFreedDirectMemory();
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Collects garbage (freeing unreachable direct buffers) and fills many new small ones with 7s. */
    private static void overwriteFreedDirectMemory() throws InterruptedException {
        List<ByteBuffer> keep = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, 7f);
                keep.add(b);
            }
        }
    }
}
