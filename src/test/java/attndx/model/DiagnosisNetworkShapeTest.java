package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import attndx.model.ModelConfig.AttentionMode;
import attndx.model.ModelConfig.Fusion;
import attndx.model.ModelConfig.Stem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DiagnosisNetworkShapeTest {

    @ParameterizedTest
    @CsvSource({"gap,28", "gap,64", "se,28", "se,64", "cbam,28", "cbam,64", "attn-single,28", "attn-single,64",
            "attn-multiscale,28", "attn-multiscale,64"})
    void everyPresetHasTheDocumentedOutputs(String preset, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = NetworkFixtures.tiny(preset, 3);
            DiagnosisNetwork net = NetworkFixtures.init(config, m, size, 1);
            DiagnosisOutput out = NetworkFixtures.forward(net, m, NetworkFixtures.randomInput(m, 2, 1, size), false);
            assertEquals(new Shape(2, 3), out.logits().getShape());
            int last = size == 28 ? 4 : 8; // 28 -> 28,14,7,4 ; 64 -> 64,32,16,8
            if (!config.hasAttention()) {
                assertNull(out.attention());
                assertTrue(out.stageAttention().isEmpty());
                assertEquals(1, out.list().size());
                return;
            }
            int fine = preset.equals("attn-single") ? last : size / 2;
            assertEquals(new Shape(2, 1, fine, fine), out.attention().getShape());
            assertEquals(config.attentionStages().size(), out.stageAttention().size());
            assertEquals(new Shape(2, 1, last, last), out.stageAttention().get(out.stageAttention().size() - 1).getShape());
            assertInUnitInterval(out.attention());
            out.stageAttention().forEach(DiagnosisNetworkShapeTest::assertInUnitInterval);
            assertArrayEquals(net.getOutputShapes(new Shape[] {new Shape(2, 1, size, size)}),
                    out.list().getShapes());
        }
    }

    @Test
    void singleScaleAttentionIsTheLastStageMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(NetworkFixtures.tiny("attn-single", 2), m, 28, 2);
            DiagnosisOutput out = NetworkFixtures.forward(net, m, NetworkFixtures.randomInput(m, 2, 1, 28), false);
            assertEquals("attention_s4", out.stageAttention().get(0).getName());
            assertArrayEquals(out.attention().toFloatArray(), out.stageAttention().get(0).toFloatArray());
        }
    }

    @Test
    void fusedMapIsMinMaxNormalisedPerImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(NetworkFixtures.tiny("attn-multiscale", 2), m, 28, 3);
            NDArray a = NetworkFixtures.forward(net, m, NetworkFixtures.randomInput(m, 3, 1, 28), false).attention();
            float[] min = a.reshape(3, -1).min(new int[] {1}).toFloatArray();
            float[] max = a.reshape(3, -1).max(new int[] {1}).toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(0f, min[i], 1e-6f);
                assertEquals(1f, max[i], 1e-4f);
            }
        }
    }

    @Test
    void standardStemOn224InputAndClassSpecificSegmentationVariant() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = ModelPresets.create("attn-multiscale", 18, 4, Stem.STANDARD, 3, 4)
                    .withAttention(List.of(3, 4), AttentionMode.CLASS_SPECIFIC, Fusion.FIXED, List.of(1.0, 2.0), true)
                    .withSegmentationHead(true).withDropout(0.2);
            DiagnosisNetwork net = NetworkFixtures.init(config, m, 224, 4);
            DiagnosisOutput out = NetworkFixtures.forward(net, m, NetworkFixtures.randomInput(m, 2, 3, 224), false);
            assertEquals(new Shape(2, 4), out.logits().getShape());
            // 224 -> stem 112 -> pool 56 -> stages 56, 28, 14, 7; stage 3 is the finest selected
            assertEquals(new Shape(2, 4, 14, 14), out.attention().getShape());
            assertEquals(new Shape(2, 4, 7, 7), out.stageAttention().get(1).getShape());
            assertEquals(new Shape(2, 1, 224, 224), out.segmentation().getShape());
        }
    }

    @Test
    void featuresAreReturnedOnlyWhenRequested() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(NetworkFixtures.tiny("gap", 2), m, 28, 5);
            NDList plain = net.forward(new ParameterStore(m, false),
                    new NDList(NetworkFixtures.randomInput(m, 2, 1, 28)), false);
            assertNull(plain.get(DiagnosisNetwork.FEATURES));
            PairList<String, Object> params = new PairList<>();
            params.add(DiagnosisNetwork.RETURN_FEATURES, true);
            NDList withFeatures = net.forward(new ParameterStore(m, false),
                    new NDList(NetworkFixtures.randomInput(m, 2, 1, 28)), false, params);
            assertNotNull(withFeatures.get(DiagnosisNetwork.FEATURES));
            assertEquals(new Shape(2, 64, 4, 4), withFeatures.get(DiagnosisNetwork.FEATURES).getShape());
        }
    }

    @Test
    void mcDropoutVariesOnlyTheLogitsOfAnInferenceForward() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiagnosisNetwork net = NetworkFixtures.init(NetworkFixtures.tiny("attn-single", 2).withDropout(0.5), m, 28, 7);
            NDArray x = NetworkFixtures.randomInput(m, 2, 1, 28);
            float[] plain1 = NetworkFixtures.forward(net, m, x, false).logits().toFloatArray();
            float[] plain2 = NetworkFixtures.forward(net, m, x, false).logits().toFloatArray();
            assertArrayEquals(plain1, plain2);
            PairList<String, Object> mc = new PairList<>();
            mc.add(DiagnosisNetwork.MC_DROPOUT, true);
            NDList a = net.forward(new ParameterStore(m, false), new NDList(x), false, mc);
            NDList b = net.forward(new ParameterStore(m, false), new NDList(x), false, mc);
            assertTrue(a.get(0).sub(b.get(0)).abs().max().getFloat() > 0f, "MC dropout samples are identical");
            assertArrayEquals(a.get(DiagnosisOutput.ATTENTION).toFloatArray(), b.get(DiagnosisOutput.ATTENTION).toFloatArray());
        }
    }

    @Test
    void classSpecificMapsDifferPerClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = NetworkFixtures.tiny("attn-single", 3)
                    .withAttention(List.of(4), AttentionMode.CLASS_SPECIFIC, Fusion.LEARNED, List.of(), false);
            DiagnosisNetwork net = NetworkFixtures.init(config, m, 28, 6);
            NDArray a = NetworkFixtures.forward(net, m, NetworkFixtures.randomInput(m, 2, 1, 28), false).attention();
            assertEquals(new Shape(2, 3, 4, 4), a.getShape());
            for (int k = 1; k < 3; k++) {
                float diff = a.get(":, 0").sub(a.get(":, " + k)).abs().max().getFloat();
                assertTrue(diff > 1e-4f, "class 0 and class " + k + " maps are identical");
            }
        }
    }

    private static void assertInUnitInterval(NDArray a) {
        assertTrue(a.min().getFloat() >= 0f && a.max().getFloat() <= 1f, a.getName() + " leaves [0,1]");
    }
}
