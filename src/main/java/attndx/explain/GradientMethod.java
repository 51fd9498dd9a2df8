package attndx.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import attndx.core.InferenceBatch;
import attndx.data.MinMax;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.model.DiagnosisOutput;
import attndx.model.ImageBatches;

/**
 * The plain gradient map (Simonyan et al.): {@code max_c |d y_t / d x_c|} over the input channels of the raw
 * target logit, min-max scaled per image. The whole network is differentiated (plain blocks, inference mode);
 * parameter gradients are cleared afterwards.
 */
final class GradientMethod implements ExplanationMethod {
    private final DiagnosisModel model;
    private final int batchSize;
    private final ParameterGradients gradients;

    GradientMethod(DiagnosisModel model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
        this.gradients = new ParameterGradients(model);
    }

    @Override
    public String name() {
        return Methods.GRADIENT;
    }

    @Override
    public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
        float[][] out = new float[images.length][];
        int k = model.config().numClasses();
        for (int start = 0; start < images.length; start += batchSize) {
            int b = Math.min(batchSize, images.length - start);
            try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
                NDManager batch = scope.manager();
                ParameterStore ps = new ParameterStore(batch, false);
                NDArray x = ImageBatches.create(batch, images, start, b, channels, height, width);
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = new DiagnosisOutput(model.network().forward(ps, new NDList(x), false,
                            DiagnosisNetwork.inputGradient()))
                            .logits();
                    float[] select = new float[b * k];
                    for (int i = 0; i < b; i++) {
                        select[i * k + targets[start + i]] = 1;
                    }
                    gc.backward(y.mul(batch.create(select, new Shape(b, k))).sum());
                }
                gradients.zero();
                NDArray map = x.getGradient().abs().max(new int[] {1});
                ImageBatches.splitRows(map.toFloatArray(), out, start, b);
            }
        }
        for (float[] m : out) {
            MinMax.scaleToUnit(m);
        }
        return out;
    }
}
