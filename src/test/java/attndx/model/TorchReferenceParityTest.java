package attndx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import attndx.model.ModelConfig.Stem;
import org.junit.jupiter.api.Test;

/**
 * The full-width presets have exactly the layout of the PyTorch reference
 * ({@code shared/bench/torchref/model.py}, in_channels=1, num_classes=2), so speed ratios against it
 * compare like with like. Expected counts are those models' {@code sum(p.numel() for p in parameters())},
 * worked out layer by layer: stem 576 + 128, stages 147,968 + 525,568 + 2,099,712 + 8,393,728, fc 1,026;
 * the attention head adds a 512 -> 1 convolution with bias (513).
 */
class TorchReferenceParityTest {

    @Test
    void gapPresetHasTheParametersOfResNet18AndAttnSingleThoseOfAttnResNet18() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(11_168_706L, trainable(ModelPresets.create("gap", 18, 64, Stem.SMALL_INPUT, 1, 2), m));
            assertEquals(11_169_219L, trainable(ModelPresets.create("attn-single", 18, 64, Stem.SMALL_INPUT, 1, 2), m));
        }
    }

    @Test
    void lastStageMapsMatchTheReference() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = ModelFactory.build(ModelPresets.create("gap", 18, 64, Stem.SMALL_INPUT, 1, 2));
            Shape[] at28 = net.getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)});
            assertEquals(new Shape(2, 2), at28[0]);
            ResNetBackbone backbone = ResNetBackbone.builder().setDepth(18).setBaseWidth(64).build();
            backbone.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 1, 64, 64));
            assertEquals(new Shape(2, 512, 4, 4), backbone.getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[3]);
            assertEquals(new Shape(2, 512, 8, 8), backbone.getOutputShapes(new Shape[] {new Shape(2, 1, 64, 64)})[3]);
        }
    }

    private static long trainable(ModelConfig config, NDManager m) {
        DiagnosisNetwork net = ModelFactory.buildInitialized(config, m, 28, 28);
        long n = 0;
        for (Parameter p : net.getParameters().values()) {
            if (p.requiresGradient()) {
                n += p.getArray().size();
            }
        }
        return n;
    }
}
