package attndx.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import attndx.core.InferenceBatch;
import attndx.data.MinMax;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisOutput;
import attndx.kernels.FoldedInference;
import attndx.model.ImageBatches;
import attndx.model.ModelConfig;
import attndx.model.SpatialMaps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Grad-CAM (Selvaraju et al., seed ref. 10), the post-hoc baseline of seed section 7.3, on the last backbone
 * stage F (K x h x w): for the target class c, channel weights {@code alpha_k = mean_ij d y_c / d F_kij} of
 * the raw logit y_c, map {@code ReLU(sum_k alpha_k F_k)}, bilinearly resized to the input (align_corners =
 * false) and min-max scaled to [0, 1] per image (a constant map becomes all zeros). The target is the
 * predicted class unless given. These are the conventions of the PyTorch reference
 * ({@code shared/bench/torchref/saliency.py}), so its maps and AttnDx's can be compared one to one.
 *
 * <p>The backbone runs once on the inference path ({@link FoldedInference}, without autograd); only the head
 * is differentiated, from the last-stage map it reads, since nothing below that map enters the gradient. The
 * head's parameter gradients that this backward fills are zeroed afterwards, so a later training step does
 * not see them. Each batch runs in its own sub-manager. The folded weights are a snapshot taken at construction:
 * create a new instance after training changes the parameters, and close it. Not thread-safe, and (as
 * every DJL backward) not while another {@code GradientCollector} is open.
 */
public final class GradCam implements AutoCloseable {
    private final DiagnosisModel model;
    private final int batchSize;
    private final List<NDArray> headParameters = new ArrayList<>();
    private final Set<Integer> headStages;
    private final FoldedInference folded;

    /** Grad-CAM of {@code model}, differentiating at most {@code batchSize} images at a time. */
    public GradCam(DiagnosisModel model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.folded = new FoldedInference(model.network(), model.model().getNDManager());
        this.headStages = model.network().headStages();
        Set<Parameter> backbone = Collections.newSetFromMap(new IdentityHashMap<>());
        backbone.addAll(model.network().backbone().getParameters().values());
        for (Parameter p : model.network().getParameters().values()) {
            if (!backbone.contains(p)) {
                headParameters.add(p.getArray());
            }
        }
    }

    /**
     * The Grad-CAM map of every image.
     *
     * @param images one C*H*W array per image (channel-major, after preprocessing)
     * @param targets the class to explain per image, or null for the predicted (highest-logit) class
     * @throws IllegalArgumentException when an image has the wrong size or a target is not a class index
     */
    public GradCamMaps explain(float[][] images, int channels, int height, int width, int[] targets) {
        int n = images.length;
        int k = model.config().numClasses();
        if (targets != null && targets.length != n) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries for " + n + " images");
        }
        if (n == 1) {
            // run as two copies (ImageBatches.batchAt)
            GradCamMaps two = explain(new float[][] {images[0], images[0]}, channels, height, width,
                    targets == null ? null : new int[] {targets[0], targets[0]});
            return new GradCamMaps(new float[][] {two.maps()[0]}, height, width, new int[] {two.targets()[0]},
                    new float[][] {two.logits()[0]}, new float[][] {two.probabilities()[0]},
                    new float[][] {two.channelWeights()[0]});
        }
        float[][] maps = new float[n][];
        float[][] logits = new float[n][];
        float[][] weights = new float[n][];
        int[] used = new int[n];
        int b;
        for (int start = 0; start < n; start += b) {
            b = ImageBatches.batchAt(n, start, batchSize);
            try (InferenceBatch scope = InferenceBatch.open(model.model().getNDManager())) {
                NDManager batch = scope.manager();
                ParameterStore ps = new ParameterStore(batch, false);
                NDArray x = ImageBatches.create(batch, images, start, b, channels, height, width);
                NDList features = folded.stageFeatures(ps, x);
                // The kernels hand out inference tensors, which autograd may neither track nor save for the
                // head's backward: the maps the head reads become ordinary leaf arrays.
                for (int stage : headStages) {
                    features.set(stage - 1, features.get(stage - 1).stopGradient().duplicate());
                }
                NDArray last = features.get(ModelConfig.STAGES - 1);
                last.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = new DiagnosisOutput(model.network().head(ps, features, x.getShape(), false)).logits();
                    float[] flat = y.toFloatArray();
                    ImageBatches.splitRows(flat, logits, start, b);
                    float[] select = new float[b * k];
                    for (int i = 0; i < b; i++) {
                        used[start + i] = targets == null ? argmax(logits[start + i]) : checked(targets, start + i, k);
                        select[i * k + used[start + i]] = 1;
                    }
                    gc.backward(y.mul(batch.create(select, new Shape(b, k))).sum());
                }
                zeroHeadGradients();
                Shape s = last.getShape();
                NDArray alpha = last.getGradient().reshape(b, s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
                NDArray cam = alpha.reshape(b, s.get(1), 1, 1).mul(last.stopGradient()).sum(new int[] {1}, true)
                        .maximum(0f);
                ImageBatches.splitRows(alpha.toFloatArray(), weights, start, b);
                ImageBatches.splitRows(SpatialMaps.bilinear(cam, height, width).toFloatArray(), maps, start, b);
            }
        }
        for (float[] m : maps) {
            MinMax.scaleToUnit(m);
        }
        return new GradCamMaps(maps, height, width, used, logits, model.probabilities(logits), weights);
    }

    /** The head's backward also fills its parameters' gradients; a training step must not inherit them. */
    private void zeroHeadGradients() {
        for (NDArray p : headParameters) {
            PtNDArray grad = JniUtils.getGradient((PtNDArray) p);
            if (grad != null) {
                grad.close();
                JniUtils.zeroGrad((PtNDArray) p);
            }
        }
    }

    private static int checked(int[] targets, int i, int classes) {
        if (targets[i] < 0 || targets[i] >= classes) {
            throw new IllegalArgumentException("target " + i + " is " + targets[i] + ", expected a class index in [0, "
                    + classes + ")");
        }
        return targets[i];
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Frees the folded parameter snapshot. */
    @Override
    public void close() {
        folded.close();
    }
}
