package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.model.ModelConfig.AttentionMode;
import attndx.model.ModelConfig.BlockAttention;
import attndx.model.ModelConfig.Fusion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GradientFlowTest {

    @ParameterizedTest
    @EnumSource(AttentionMode.class)
    void everyTrainableParameterGetsAGradient(AttentionMode mode) {
        ModelConfig config = NetworkFixtures.tiny("attn-multiscale", 3)
                .withAttention(List.of(2, 3, 4), mode, Fusion.LEARNED, List.of(), true)
                .withSegmentationHead(true);
        assertAllGradientsNonZero(config);
    }

    @ParameterizedTest
    @EnumSource(value = BlockAttention.class, names = {"SE", "CBAM"})
    void channelAttentionBaselinesGetGradients(BlockAttention gate) {
        assertAllGradientsNonZero(NetworkFixtures.tiny(gate == BlockAttention.SE ? "se" : "cbam", 2));
    }

    @Test
    void headAloneReproducesForwardAndGivesGradCamGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(NetworkFixtures.tiny("attn-multiscale", 2), m, 28, 12);
            NDArray x = NetworkFixtures.randomInput(m, 2, 1, 28);
            ParameterStore ps = new ParameterStore(m, false);
            float[] full = NetworkFixtures.forward(net, m, x, false).logits().toFloatArray();
            NDList features = net.stageFeatures(ps, x, false);
            NDArray last = features.get(3).stopGradient();
            last.setRequiresGradient(true);
            features.set(3, last);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                DiagnosisOutput out = new DiagnosisOutput(net.head(ps, features, x.getShape(), false));
                assertArrayEquals(full, out.logits().toFloatArray());
                gc.backward(out.logits().get(":, 1").sum());
            }
            assertEquals(last.getShape(), last.getGradient().getShape());
            assertTrue(last.getGradient().abs().sum().getFloat() > 0f);
        }
    }

    private static void assertAllGradientsNonZero(ModelConfig config) {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(config, m, 28, 11);
            NDArray x = NetworkFixtures.randomInput(m, 4, 1, 28);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                DiagnosisOutput out = new DiagnosisOutput(net.forward(new ParameterStore(m, false), new NDList(x), true));
                // A loss touching every output: squared logits plus the mean mask logit.
                NDArray loss = out.logits().square().sum();
                if (out.segmentation() != null) {
                    loss = loss.add(out.segmentation().mean());
                }
                gc.backward(loss);
            }
            List<String> zero = new ArrayList<>();
            int checked = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue; // batch-norm running statistics
                }
                checked++;
                if (p.getValue().getArray().getGradient().abs().sum().getFloat() == 0f) {
                    zero.add(p.getKey());
                }
            }
            assertTrue(checked > 20, "only " + checked + " trainable parameters found");
            assertTrue(zero.isEmpty(), "parameters without gradient: " + zero);
        }
    }
}
