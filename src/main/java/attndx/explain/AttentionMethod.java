package attndx.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import attndx.core.InferenceBatch;
import attndx.data.MinMax;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.kernels.FoldedInference;
import attndx.model.ImageBatches;

/**
 * The model's own attention as the explanation (seed sections 5.2-5.4): the fused map that pooled the features
 * ({@code attention}) or one scale's map before fusion ({@code attention-sK}), and for class-specific models
 * the target class's map. Resized bilinearly to the input and min-max scaled per image, as
 * {@link Saliency#attention}.
 */
final class AttentionMethod implements ExplanationMethod {
    private final DiagnosisModel model;
    private final int stage;
    private final int batchSize;
    private final FoldedInference folded;

    /** The fused map ({@code stage} 0) or the map of attention stage {@code stage}. */
    AttentionMethod(DiagnosisModel model, int stage, int batchSize) {
        this.model = model;
        this.stage = stage;
        this.batchSize = batchSize;
        this.folded = new FoldedInference(model.network(), model.model().getNDManager());
    }

    @Override
    public String name() {
        return stage == 0 ? Methods.ATTENTION : Methods.ATTENTION + "-s" + stage;
    }

    @Override
    public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
        float[][] out = new float[images.length][];
        for (int start = 0; start < images.length; start += batchSize) {
            int b = Math.min(batchSize, images.length - start);
            try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
                NDManager batch = scope.manager();
                NDArray x = ImageBatches.create(batch, images, start, b, channels, height, width);
                DiagnosisOutput o = new DiagnosisOutput(folded.forward(new ParameterStore(batch, false), x, false));
                NDArray a = stage == 0 ? o.attention() : o.list().get(DiagnosisOutput.STAGE_ATTENTION_PREFIX + stage);
                Shape s = a.getShape();
                int maps = (int) s.get(1);
                int h = (int) s.get(2);
                int w = (int) s.get(3);
                float[] flat = a.toFloatArray();
                for (int i = 0; i < b; i++) {
                    int m = maps == 1 ? 0 : targets[start + i];
                    float[] map = new float[h * w];
                    System.arraycopy(flat, (i * maps + m) * h * w, map, 0, h * w);
                    out[start + i] = Saliency.resize(map, h, w, height, width);
                    MinMax.scaleToUnit(out[start + i]);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        folded.close();
    }
}
