package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mixed-precision training (float16 backbone, float32 master weights, dynamic loss scaling), run on the
 * CPU: libtorch's CPU float16 kernels are slow but compute the same thing as on a GPU.
 */
class MixedPrecisionTest {
    @TempDir
    Path tmp;

    @Test
    void fp16TrainingLearnsOnPhantomAndKeepsFloat32Weights() {
        Dataset data = TrainFixtures.phantom(300, 11);
        TrainConfig cfg = TrainFixtures.config(8, 3, 3e-3).withPrecision(Precision.FP16);
        TrainingResult r = TrainFixtures.train(TrainFixtures.request(data, cfg, tmp));
        EpochRecord first = r.epochs().get(0);
        EpochRecord last = r.epochs().get(r.epochs().size() - 1);
        assertEquals("FP16", first.precision());
        assertTrue(last.loss().get("cls") < first.loss().get("cls"),
                "training cls loss went from " + first.loss().get("cls") + " to " + last.loss().get("cls"));
        assertTrue(r.best().valAuc() > 0.75, "best validation AUC " + r.best().valAuc());
    }

    @Test
    void overflowingStepIsSkippedAndAFiniteOneUpdatesTheFloat32MasterWeights() {
        try (DiagnosisModel model = DiagnosisModel.create(TrainFixtures.tinyModel(), TrainFixtures.preprocessing(),
                List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 4);
                NDManager run = model.model().getNDManager().newSubManager()) {
            AdamOptimizer adam = new AdamOptimizer(run, 1e-2f, 0f, id -> false);
            // 2^40 times any real gradient is far beyond float16's largest value, 65504.
            LossScaler scaler = new LossScaler(1L << 40, 2000);
            MixedPrecisionStore store = new MixedPrecisionStore(run, model.network(), adam, scaler);
            Parameter conv = firstBackboneWeight(model);
            float[] before = conv.getArray().toFloatArray();

            assertFalse(step(model, store, run));
            assertArrayEquals(before, conv.getArray().toFloatArray(), "a skipped step changes nothing");
            assertEquals((float) (1L << 39), scaler.scale());
            for (Pair<String, Parameter> p : model.network().getParameters()) {
                NDArray a = p.getValue().getArray();
                assertEquals(DataType.FLOAT32, a.getDataType(), p.getKey());
                if (a.hasGradient() && !p.getKey().contains("backbone")) {
                    assertEquals(0f, a.getGradient().abs().sum().getFloat(), "gradient of " + p.getKey() + " cleared");
                }
            }

            scaler.restore(new LossScaler.State(1024f, 0, scaler.skippedSteps()));
            assertTrue(step(model, store, run));
            float[] after = conv.getArray().toFloatArray();
            assertEquals(DataType.FLOAT32, conv.getArray().getDataType());
            double moved = 0;
            for (int i = 0; i < before.length; i++) {
                moved = Math.max(moved, Math.abs(after[i] - before[i]));
            }
            // Adam's first step moves each weight by about the learning rate, whatever the loss scale.
            assertTrue(moved > 5e-3 && moved < 2e-2, "largest change of a backbone weight: " + moved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap", "se", "cbam", "attn-multiscale"})
    void float16ForwardMatchesTheFloat32Forward(String preset) {
        ModelConfig config = ModelPresets.create(preset, 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        try (DiagnosisModel model = DiagnosisModel.create(config, TrainFixtures.preprocessing(),
                List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 4);
                NDManager run = model.model().getNDManager().newSubManager();
                NDManager bm = run.newSubManager()) {
            MixedPrecisionStore store = new MixedPrecisionStore(run, model.network(),
                    new AdamOptimizer(run, 1e-3f, 0f, id -> false), new LossScaler(1f, 10));
            NDArray x = bm.randomUniform(-1f, 1f, new Shape(8, 1, 32, 32));
            float[] full = new DiagnosisOutput(model.network().forward(new ParameterStore(bm, false), new NDList(x), true))
                    .logits().toFloatArray();
            store.beginStep(bm);
            DiagnosisOutput half = new DiagnosisOutput(model.network().forward(store,
                    new NDList(x.toType(DataType.FLOAT16, false)), true));
            assertEquals(DataType.FLOAT32, half.logits().getDataType());
            if (half.attention() != null) {
                assertEquals(DataType.FLOAT32, half.attention().getDataType());
            }
            float[] mixed = half.logits().toFloatArray();
            for (int i = 0; i < full.length; i++) {
                assertEquals(full[i], mixed[i], 2e-2 * Math.max(1, Math.abs(full[i])), "logit " + i);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                store.beginStep(bm);
                NDArray logits = new DiagnosisOutput(model.network().forward(store,
                        new NDList(x.toType(DataType.FLOAT16, false)), true)).logits();
                gc.backward(logits.get(":, 1").sum());
            }
            assertTrue(store.update(), "a finite step at scale 1 is applied");
        }
    }

    private static boolean step(DiagnosisModel model, MixedPrecisionStore store, NDManager run) {
        try (NDManager bm = run.newSubManager()) {
            store.beginStep(bm);
            NDArray x = bm.randomUniform(-1f, 1f, new Shape(4, 1, 32, 32)).toType(DataType.FLOAT16, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = new DiagnosisOutput(model.network().forward(store, new NDList(x), true)).logits();
                gc.backward(logits.get(":, 1").sum().mul(store.scaler().scale()));
            }
            return store.update();
        }
    }

    private static Parameter firstBackboneWeight(DiagnosisModel model) {
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (p.getKey().contains("backbone") && p.getKey().endsWith("weight")) {
                return p.getValue();
            }
        }
        throw new IllegalStateException("no backbone weight");
    }
}
