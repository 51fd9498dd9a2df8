package attndx.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import attndx.model.ModelConfig.Stem;

/** Tiny, seeded networks and inputs shared by the model tests. */
final class NetworkFixtures {
    static final int TINY_WIDTH = 8;

    private NetworkFixtures() {}

    static ModelConfig tiny(String preset, int classes) {
        return ModelPresets.create(preset, 18, TINY_WIDTH, Stem.SMALL_INPUT, 1, classes);
    }

    static DiagnosisNetwork init(ModelConfig config, NDManager manager, int size, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return ModelFactory.buildInitialized(config, manager, size, size);
    }

    static NDArray randomInput(NDManager manager, int batch, int channels, int size) {
        return manager.randomUniform(0f, 1f, new Shape(batch, channels, size, size));
    }

    static DiagnosisOutput forward(DiagnosisNetwork net, NDManager manager, NDArray x, boolean training) {
        return new DiagnosisOutput(net.forward(new ParameterStore(manager, false), new NDList(x), training));
    }
}
