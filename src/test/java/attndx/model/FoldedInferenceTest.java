package attndx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The folded inference path (BN folded into the convolutions) against the plain inference forward. */
class FoldedInferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"gap", "se", "cbam", "attn-multiscale"})
    void foldedForwardGivesTheSameOutputsAsThePlainForward(String preset) {
        try (DiagnosisModel m = DiagnosisModel.create(NetworkFixtures.tiny(preset, 2), Preprocessing.defaults(),
                List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 3);
                NDManager batch = m.model().getNDManager().newSubManager()) {
            DiagnosisNetwork net = m.network();
            makeBatchNormsNonTrivial(net, batch);
            NDArray x = batch.randomUniform(-1f, 1f, new Shape(3, 1, 28, 28));
            PairList<String, Object> withFeatures = new PairList<>();
            withFeatures.add(DiagnosisNetwork.RETURN_FEATURES, Boolean.TRUE);
            NDList plain = net.forward(new ParameterStore(batch, false), new NDList(x), false, withFeatures);
            try (FoldedInference folded = new FoldedInference(net, m.model().getNDManager())) {
                // stem + 8 BasicBlocks x 2 + 3 projection shortcuts
                assertEquals(20, folded.foldedLayers());
                NDList fast = folded.forward(new ParameterStore(batch, false), x, true);
                assertEquals(plain.size(), fast.size());
                for (int i = 0; i < plain.size(); i++) {
                    assertEquals(plain.get(i).getName(), fast.get(i).getName());
                    assertClose(plain.get(i).toFloatArray(), fast.get(i).toFloatArray(), plain.get(i).getName());
                }
            }
        }
    }

    /** Random affine parameters and running statistics far from the initial 1/0, so folding is really tested. */
    private static void makeBatchNormsNonTrivial(DiagnosisNetwork net, NDManager m) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            String name = p.getKey();
            NDArray a = p.getValue().getArray();
            if (name.endsWith("gamma") || name.endsWith("runningVar")) {
                a.muli(m.randomUniform(0.5f, 2f, a.getShape()));
            } else if (name.endsWith("beta") || name.endsWith("runningMean")) {
                a.addi(m.randomUniform(-0.5f, 0.5f, a.getShape()));
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float tol = 1e-4f * Math.max(1f, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}
