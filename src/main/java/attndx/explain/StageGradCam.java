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
import attndx.model.DiagnosisOutput;
import attndx.kernels.FoldedInference;
import attndx.model.ImageBatches;
import attndx.model.SpatialMaps;
import java.util.Set;

/**
 * Grad-CAM (Selvaraju et al., seed ref. 10) and Grad-CAM++ (Chattopadhay et al.) on a chosen backbone stage s
 * with map F (K x h x w) and raw target logit y_c, g = d y_c / d F:
 * <ul>
 *   <li>Grad-CAM: {@code alpha_k = mean_ij g_kij}, map {@code ReLU(sum_k alpha_k F_k)};
 *   <li>Grad-CAM++: {@code a_kij = g^2 / (2 g^2 + sum_ab F_kab g^3)} (0 where the denominator is 0),
 *       {@code w_k = sum_ij a_kij ReLU(g_kij)}, map {@code ReLU(sum_k w_k F_k)} (the closed form for an
 *       exponential of the score, as the reference implementations use).
 * </ul>
 * Resized bilinearly to the input and min-max scaled per image, the conventions of {@link GradCam} (which is
 * the last-stage Grad-CAM the engine benchmark times). The backbone up to s runs without autograd; F^(s) becomes
 * a leaf and the stages after it and the head are differentiated. Stages the head reads come from the folded
 * inference path, others (opaque there) from the plain blocks. Parameter gradients are cleared afterwards.
 */
final class StageGradCam implements ExplanationMethod {
    private final DiagnosisModel model;
    private final int stage;
    private final boolean plusPlus;
    private final int batchSize;
    private final FoldedInference folded;
    private final Set<Integer> headStages;
    private final ParameterGradients gradients;

    StageGradCam(DiagnosisModel model, int stage, boolean plusPlus, int batchSize) {
        this.model = model;
        this.stage = stage;
        this.plusPlus = plusPlus;
        this.batchSize = batchSize;
        this.headStages = model.network().headStages();
        this.folded = headStages.contains(stage) ? new FoldedInference(model.network(), model.model().getNDManager())
                : null;
        this.gradients = new ParameterGradients(model);
    }

    @Override
    public String name() {
        return plusPlus ? Methods.GRADCAM_PP : Methods.GRADCAM;
    }

    @Override
    public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
        if (images.length == 1) {
            // run as two copies (ImageBatches.batchAt)
            return new float[][] {explain(new float[][] {images[0], images[0]}, channels, height, width,
                    new int[] {targets[0], targets[0]})[0]};
        }
        float[][] out = new float[images.length][];
        int k = model.config().numClasses();
        int b;
        for (int start = 0; start < images.length; start += b) {
            b = ImageBatches.batchAt(images.length, start, batchSize);
            try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
                NDManager batch = scope.manager();
                ParameterStore ps = new ParameterStore(batch, false);
                NDArray x = ImageBatches.create(batch, images, start, b, channels, height, width);
                NDList raw = folded != null ? folded.stageFeatures(ps, x)
                        : model.network().backbone().forward(ps, new NDList(x), false);
                NDList features = new NDList(raw.size());
                for (int s = 1; s <= raw.size(); s++) {
                    // Inference tensors may not be saved for a backward: ordinary leaf copies of what is read.
                    features.add(headStages.contains(s) || s == stage ? raw.get(s - 1).stopGradient().duplicate()
                            : raw.get(s - 1));
                }
                NDArray f = features.get(stage - 1);
                f.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList full = model.network().backbone().stagesAfter(ps, features, stage, false);
                    NDArray y = new DiagnosisOutput(model.network().head(ps, full, x.getShape(), false)).logits();
                    float[] select = new float[b * k];
                    for (int i = 0; i < b; i++) {
                        select[i * k + targets[start + i]] = 1;
                    }
                    gc.backward(y.mul(batch.create(select, new Shape(b, k))).sum());
                }
                gradients.zero();
                NDArray cam = cam(f.stopGradient(), f.getGradient());
                ImageBatches.splitRows(SpatialMaps.bilinear(cam, height, width).toFloatArray(), out, start, b);
            }
        }
        for (float[] m : out) {
            MinMax.scaleToUnit(m);
        }
        return out;
    }

    /** B x 1 x h x w map from the stage map and its gradient. */
    private NDArray cam(NDArray f, NDArray grad) {
        Shape s = f.getShape();
        long b = s.get(0);
        long c = s.get(1);
        NDArray weights;
        if (plusPlus) {
            NDArray g2 = grad.square();
            NDArray g3 = g2.mul(grad);
            NDArray sumF = f.reshape(b, c, -1).sum(new int[] {2}).reshape(b, c, 1, 1);
            NDArray denom = g2.mul(2f).add(sumF.mul(g3));
            NDArray safe = denom.eq(0f).toType(denom.getDataType(), false).add(denom);
            NDArray alpha = g2.div(safe).mul(denom.neq(0f).toType(denom.getDataType(), false));
            weights = alpha.mul(grad.maximum(0f)).reshape(b, c, -1).sum(new int[] {2});
        } else {
            weights = grad.reshape(b, c, -1).mean(new int[] {2});
        }
        return weights.reshape(b, c, 1, 1).mul(f).sum(new int[] {1}, true).maximum(0f);
    }

    @Override
    public void close() {
        if (folded != null) {
            folded.close();
        }
    }
}
