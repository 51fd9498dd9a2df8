package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The trainer's parameter server against DJL's LocalParameterServer: same weights after the same Adam steps. */
class SingleDeviceParameterServerTest {
    @Test
    void updatesMatchDjlsLocalParameterServer() {
        List<float[]> ours = train(SingleDeviceParameterServer::new);
        List<float[]> djl = train(LocalParameterServer::new);
        assertEquals(djl.size(), ours.size());
        for (int i = 0; i < djl.size(); i++) {
            assertArrayEquals(djl.get(i), ours.get(i), 1e-6f, "parameter " + i);
        }
    }

    /** Three steps of softmax cross-entropy + Adam on a tiny attention model; the parameters afterwards. */
    private static List<float[]> train(Function<AdamOptimizer, ParameterServer> server) {
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create("attn-single", 18, 4, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 5);
                NDManager run = m.model().getNDManager().newSubManager()) {
            AdamOptimizer adam = new AdamOptimizer(run, 1e-2f, 1e-2f, id -> true);
            ParameterStore ps = new ParameterStore(run, false);
            ps.setParameterServer(server.apply(adam), new Device[] {run.getDevice()});
            ClassificationLoss loss = new ClassificationLoss(TaskType.BINARY, 0, 0, null);
            float[] x = new float[4 * 16 * 16];
            for (int i = 0; i < x.length; i++) {
                x[i] = ((i * 37) % 23) / 23f - 0.5f;
            }
            for (int step = 0; step < 3; step++) {
                try (NDManager bm = run.newSubManager()) {
                    NDArray images = bm.create(x, new Shape(4, 1, 16, 16));
                    NDArray labels = bm.create(new float[] {0, 1, 1, 0});
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = m.network().forward(ps, new NDList(images), true);
                        gc.backward(loss.compute(new DiagnosisOutput(out).logits(), labels));
                    }
                    ps.updateAllParameters();
                }
            }
            List<float[]> params = new ArrayList<>();
            for (Pair<String, Parameter> p : m.network().getParameters()) {
                params.add(p.getValue().getArray().toFloatArray());
            }
            return params;
        }
    }
}
