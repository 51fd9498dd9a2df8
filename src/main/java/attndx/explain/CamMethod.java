package attndx.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.core.AttndxException;
import attndx.core.InferenceBatch;
import attndx.data.MinMax;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.kernels.FoldedInference;
import attndx.model.ImageBatches;

/**
 * Class activation mapping (Zhou et al.) for models that pool the last stage globally (GAP, SE, CBAM): with
 * classifier weights W (K x d) and last-stage map F (d x h x w), {@code M_c = sum_k W_ck F_k}, resized to
 * the input and min-max scaled per image (no ReLU: the original CAM). For such a model it is the Grad-CAM of
 * the last stage before its ReLU, since {@code d y_c / d F_kij = W_ck / (h w)}.
 */
final class CamMethod implements ExplanationMethod {
    private final DiagnosisModel model;
    private final int batchSize;
    private final FoldedInference folded;
    private final float[] weights;
    private final int featureWidth;

    CamMethod(DiagnosisModel model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
        NDArray w = classifierWeight(model);
        this.featureWidth = (int) w.getShape().get(1);
        this.weights = w.toFloatArray();
        this.folded = new FoldedInference(model.network(), model.model().getNDManager());
    }

    private static NDArray classifierWeight(DiagnosisModel model) {
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (p.getKey().contains("classifier") && p.getValue().getType() == Parameter.Type.WEIGHT) {
                return p.getValue().getArray();
            }
        }
        throw new AttndxException("cam: the model has no linear classifier weight to build the map from");
    }

    @Override
    public String name() {
        return Methods.CAM;
    }

    @Override
    public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
        float[][] out = new float[images.length][];
        for (int start = 0; start < images.length; start += batchSize) {
            int b = Math.min(batchSize, images.length - start);
            try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
                NDManager batch = scope.manager();
                NDArray x = ImageBatches.create(batch, images, start, b, channels, height, width);
                NDArray f = folded.forward(new ParameterStore(batch, false), x, true).get(DiagnosisNetwork.FEATURES);
                Shape s = f.getShape();
                int plane = (int) (s.get(2) * s.get(3));
                float[] flat = f.toFloatArray();
                for (int i = 0; i < b; i++) {
                    float[] map = new float[plane];
                    int row = targets[start + i] * featureWidth;
                    for (int c = 0; c < featureWidth; c++) {
                        float wc = weights[row + c];
                        int base = (i * featureWidth + c) * plane;
                        for (int p = 0; p < plane; p++) {
                            map[p] += wc * flat[base + p];
                        }
                    }
                    out[start + i] = Saliency.resize(map, (int) s.get(2), (int) s.get(3), height, width);
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
