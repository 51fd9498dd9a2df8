package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;
import attndx.kernels.KernelAssumptions;
import attndx.kernels.KernelComponent;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The channels-last backbone (the tuned path) against the same blocks run on plain NCHW input: same
 * features and same parameter gradients, and the layout really is channels-last inside the network.
 */
class ChannelsLastTest {

    @Test
    void keepsValuesAndShapeAndChangesTheLayout() throws ReflectiveOperationException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .reshape(2, 3, 4, 5);
            NDArray cl = ChannelsLast.of(x);
            assertEquals(x.getShape(), cl.getShape());
            assertArrayEquals(x.toFloatArray(), cl.toFloatArray());
            assertEquals(x.get("1, 2, 3, 4").getFloat(), cl.get("1, 2, 3, 4").getFloat());
            assertTrue(contiguous(x));
            assertFalse(contiguous(cl), "a 3-channel channels-last tensor is not NCHW-contiguous");
            NDArray flat = m.ones(new Shape(4, 7));
            assertEquals(flat, ChannelsLast.of(flat), "other ranks are returned unchanged");
        }
    }

    @Test
    void narrowMapsRunChannelsLastAtEverySize() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertFalse(contiguous(ChannelsLast.forStage(m.ones(new Shape(2, 8, 4, 4)))), "8 channels, 4 x 4");
            assertTrue(contiguous(ChannelsLast.forStage(m.ones(new Shape(2, 32, 4, 4)))), "32 channels, 4 x 4");
            assertFalse(contiguous(ChannelsLast.forStage(m.ones(new Shape(2, 32, 9, 9)))), "32 channels, 9 x 9");
            // The plain layout too: a check in one process cannot clear NCHW (wrong in some processes only).
            assertFalse(contiguous(ChannelsLast.nchw(m.ones(new Shape(2, 8, 12, 12)))), "plain layout, 8 channels");
            assertTrue(contiguous(ChannelsLast.nchw(m.ones(new Shape(2, 32, 12, 12)))), "plain layout, 32 channels");
            assertFalse(contiguous(ChannelsLast.forNarrowConv(m.ones(new Shape(2, 2, 12, 12)))), "CBAM's descriptor");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void backboneMatchesTheNchwComputationInValuesAndGradients(int channels) throws ReflectiveOperationException {
        // Channels-last convolutions are a fast kernel: tested only where the probe admits them.
        KernelAssumptions.assumeRuns(KernelComponent.CHANNELS_LAST);
        try (NDManager m = NDManager.newBaseManager()) {
            // Width 16, not the tiny 8: on the Zen 5 VM libtorch's NCHW convolution input gradient is wrong (NaN or
            // off by up to 0.2) for fewer than 16 channels in about half of the calls, so a width-8 NCHW reference
            // is not one (measured against a hand-computed gradient; channels-last was right every time).
            ModelConfig config = ModelPresets.create("attn-multiscale", 18, 16,
                    ModelConfig.Stem.SMALL_INPUT, channels, 2);
            DiagnosisNetwork tuned = NetworkFixtures.init(config, m, 28, 5);
            DiagnosisNetwork plain = NetworkFixtures.init(config, m, 28, 5);
            tuned.backbone().useChannelsLast(true);
            NDArray x = NetworkFixtures.randomInput(m, 3, channels, 28);
            ParameterStore ps = new ParameterStore(m, false);
            Engine.getInstance().setRandomSeed(9);
            NDList weights = new NDList();
            List<float[]> tunedFeatures = new ArrayList<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList f = tuned.stageFeatures(ps, x, true);
                assertFalse(contiguous(f.get(0)), "stage-1 features should be channels-last");
                assertFalse(contiguous(f.get(2)), "stage-3 features (7 x 7 input) should be channels-last");
                assertTrue(contiguous(f.get(3)), "stage 4 (4 x 4 maps) should run in NCHW");
                NDArray loss = m.zeros(new Shape());
                for (NDArray a : f) {
                    NDArray w = m.randomNormal(a.getShape());
                    weights.add(w);
                    loss = loss.add(a.mul(w).sum());
                    tunedFeatures.add(a.toFloatArray());
                }
                gc.backward(loss);
            }
            // The reference: the same backbone's own NCHW forward.
            plain.backbone().useChannelsLast(false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList h = plain.stageFeatures(ps, x, true);
                NDArray loss = m.zeros(new Shape());
                for (int s = 0; s < h.size(); s++) {
                    NDArray a = h.get(s);
                    assertTrue(contiguous(a), "the reference path should stay NCHW (stage " + (s + 1) + ")");
                    NetworkFixtures.assertClose(tunedFeatures.get(s), a.toFloatArray(), "features of stage " + (s + 1));
                    loss = loss.add(a.mul(weights.get(s)).sum());
                }
                gc.backward(loss);
            }
            List<Pair<String, Parameter>> tp = tuned.backbone().getParameters().stream().toList();
            List<Pair<String, Parameter>> pp = plain.backbone().getParameters().stream().toList();
            int compared = 0;
            for (int i = 0; i < tp.size(); i++) {
                if (tp.get(i).getValue().requiresGradient()) {
                    NetworkFixtures.assertClose(pp.get(i).getValue().getArray().getGradient().toFloatArray(),
                            tp.get(i).getValue().getArray().getGradient().toFloatArray(), "gradient of " + tp.get(i).getKey());
                    compared++;
                }
            }
            assertTrue(compared > 40, "compared only " + compared + " gradients");
        }
    }

    /**
     * oneDNN's strided 1x1 backward-weights kernel crashed the JVM on channels-last input with 8 or 12
     * channels at 28x28 and 56x56; the projection shortcuts now subsample first. A crash fails the run.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 8, 12, 16})
    void smallWidthsTrainAndPredictWithoutCrashing(int width) {
        for (int channels : new int[] {1, 3}) {
            for (int size : new int[] {28, 56}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    ModelConfig config = ModelPresets.create("gap", 18, width, ModelConfig.Stem.SMALL_INPUT, channels, 2);
                    DiagnosisNetwork net = NetworkFixtures.init(config, m, size, 3);
                    NDArray x = NetworkFixtures.randomInput(m, 3, channels, size);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(NetworkFixtures.forward(net, m, x, true).logits().sum());
                    }
                    assertTrue(NetworkFixtures.forward(net, m, x, false).logits().isInfinite().none().getBoolean());
                }
            }
        }
    }

    /** libtorch's own NCHW-contiguity flag (DJL does not expose strides). */
    private static boolean contiguous(NDArray a) throws ReflectiveOperationException {
        Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
        Field instance = lib.getDeclaredField("LIB");
        instance.setAccessible(true);
        Method m = lib.getDeclaredMethod("torchIsContiguous", long.class);
        m.setAccessible(true);
        return (Boolean) m.invoke(instance.get(null), ((PtNDArray) a).getHandle());
    }
}
