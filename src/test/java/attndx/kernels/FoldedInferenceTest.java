package attndx.kernels;

import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.model.NetworkFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import attndx.core.NoGrad;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.ModelConfig.Stem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The folded inference path (BN folded into the convolutions), on DJL's operators and on the blocked oneDNN
 * kernels, against the plain inference forward.
 */
class FoldedInferenceTest {
    @ParameterizedTest
    @CsvSource({"gap,ONEDNN", "se,ONEDNN", "cbam,ONEDNN", "attn-multiscale,ONEDNN", "gap,DJL", "attn-multiscale,DJL"})
    void foldedForwardGivesTheSameOutputsAsThePlainForward(String preset, InferenceKernels kind) {
        // stem + 8 BasicBlocks x 2 + 3 projection shortcuts
        assertFoldedMatchesPlain(NetworkFixtures.tiny(preset, 2), 3, 28, kind, 20);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void blockedKernelsCoverTheLargeImageStemAndOtherBatchSizes(int batch) {
        ModelConfig large = ModelPresets.create("attn-single", 18, NetworkFixtures.TINY_WIDTH, Stem.STANDARD, 3, 2);
        assertFoldedMatchesPlain(large, batch, 64, InferenceKernels.ONEDNN, 20);
    }

    /**
     * Width 64, so stages 1-2 at 28x28 (and 1-3 at 64x64) have channels and maps for the Winograd kernels;
     * the channel gates (cbam) and the large-image stem's max-pool run on ordinary maps between them.
     */
    @ParameterizedTest
    @CsvSource({"gap,28,SMALL_INPUT", "cbam,28,SMALL_INPUT", "attn-multiscale,28,SMALL_INPUT", "attn-single,64,STANDARD"})
    void winogradStagesOfAOneThreadWorkerGiveThePlainOutputs(String preset, int size, Stem stem) {
        String status = FoldedInference.winogradKernelStatus();
        assumeTrue(status.equals("on"), "Winograd kernels " + status);
        ModelConfig config = ModelPresets.create(preset, 18, 64, stem, 1, 2);
        try (InferenceWorkers worker = new InferenceWorkers(1)) {
            worker.runAll(List.of(() -> {
                // Autograd is on by default in a new thread; the parameter edits below are in place.
                try (NoGrad noGrad = NoGrad.enter()) {
                    assertFoldedMatchesPlain(config, 3, size, InferenceKernels.ONEDNN, 20, true);
                }
            }));
        }
    }

    @Test
    void blockedKernelsServeEveryStageTheSegmentationHeadReads() {
        ModelConfig config = NetworkFixtures.tiny("attn-multiscale", 2).withSegmentationHead(true);
        assertFoldedMatchesPlain(config, 2, 32, InferenceKernels.ONEDNN, 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap", "se", "attn-multiscale"})
    void bf16KernelsStayWithinBfloat16RoundingOfTheFloat32Forward(String preset) {
        KernelAssumptions.assumeRuns(KernelComponent.BF16);
        try (DiagnosisModel m = DiagnosisModel.create(NetworkFixtures.tiny(preset, 2), Preprocessing.defaults(),
                List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 28);
                NDManager batch = m.model().getNDManager().newSubManager()) {
            DiagnosisNetwork net = m.network();
            makeBatchNormsNonTrivial(net, batch);
            NDArray x = batch.randomUniform(-1f, 1f, new Shape(4, 1, 28, 28));
            try (FoldedInference fp32 = new FoldedInference(net, m.model().getNDManager(), InferenceKernels.ONEDNN);
                    FoldedInference bf16 = new FoldedInference(net, m.model().getNDManager(),
                            InferenceKernels.ONEDNN_BF16)) {
                NDList a = fp32.forward(new ParameterStore(batch, false), x, true);
                NDList b = bf16.forward(new ParameterStore(batch, false), x, true);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(DataType.FLOAT32, b.get(i).getDataType(), a.get(i).getName());
                    float[] e = a.get(i).toFloatArray();
                    float[] r = b.get(i).toFloatArray();
                    float scale = 0f;
                    float maxDiff = 0f;
                    for (int j = 0; j < e.length; j++) {
                        scale = Math.max(scale, Math.abs(e[j]));
                        maxDiff = Math.max(maxDiff, Math.abs(e[j] - r[j]));
                    }
                    // 8 mantissa bits through 17 layers: a few percent of the map's scale at most
                    assertTrue(maxDiff <= 5e-2f * Math.max(scale, 1e-3f), a.get(i).getName() + ": " + maxDiff
                            + " of " + scale);
                    if (a.get(i).getName().equals(DiagnosisNetwork.FEATURES)) {
                        assertTrue(maxDiff > 0f, "the features were computed in bfloat16");
                    }
                }
            }
        }
    }

    private static void assertFoldedMatchesPlain(ModelConfig config, int batchSize, int size, InferenceKernels kind,
            int expectedFolded) {
        assertFoldedMatchesPlain(config, batchSize, size, kind, expectedFolded, null);
    }

    /** As above; {@code winograd}, when not null, is whether this thread's forward must use Winograd stages. */
    private static void assertFoldedMatchesPlain(ModelConfig config, int batchSize, int size, InferenceKernels kind,
            int expectedFolded, Boolean winograd) {
        KernelAssumptions.assumeRuns(kind);
        if (Boolean.TRUE.equals(winograd)) {
            KernelAssumptions.assumeRuns(KernelComponent.WINOGRAD);
        }
        try (DiagnosisModel m = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("test", Map.of(), "", 1), size);
                NDManager batch = m.model().getNDManager().newSubManager()) {
            DiagnosisNetwork net = m.network();
            makeBatchNormsNonTrivial(net, batch);
            NDArray x = batch.randomUniform(-1f, 1f, new Shape(batchSize, config.inChannels(), size, size));
            PairList<String, Object> withFeatures = new PairList<>();
            withFeatures.add(DiagnosisNetwork.RETURN_FEATURES, Boolean.TRUE);
            NDList plain = net.forward(new ParameterStore(batch, false), new NDList(x), false, withFeatures);
            try (FoldedInference folded = new FoldedInference(net, m.model().getNDManager(), kind)) {
                assertEquals(expectedFolded, folded.foldedLayers());
                assertEquals(kind != InferenceKernels.DJL, folded.blocked(),
                        "blocked kernels: " + FoldedInference.blockedKernelStatus());
                if (winograd != null) {
                    assertEquals(winograd, folded.winogradInThisThread(), "Winograd stages in this thread");
                }
                NDList fast = folded.forward(new ParameterStore(batch, false), x, true);
                assertEquals(plain.size(), fast.size());
                for (int i = 0; i < plain.size(); i++) {
                    assertEquals(plain.get(i).getName(), fast.get(i).getName());
                    NetworkFixtures.assertClose(plain.get(i).toFloatArray(), fast.get(i).toFloatArray(), plain.get(i).getName());
                }
                // The same snapshot serves another batch size.
                NDList first = folded.forward(new ParameterStore(batch, false), x.get("0:1"), true);
                for (int i = 0; i < plain.size(); i++) {
                    assertEquals(plain.get(i).getName(), first.get(i).getName());
                    assertEquals(1, first.get(i).getShape().get(0), plain.get(i).getName() + ": one image");
                    NetworkFixtures.assertClose(plain.get(i).get("0:1").toFloatArray(), first.get(i).toFloatArray(),
                            plain.get(i).getName() + " of the first image alone");
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
}
