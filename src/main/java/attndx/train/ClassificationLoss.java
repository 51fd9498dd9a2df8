package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import attndx.core.Scalars;
import attndx.data.TaskType;

/**
 * L_cls of seed section 5.5, with the imbalance options of section 5.3. Logits are B x K.
 *
 * <p><b>Single-label</b> (binary with K = 2, or multi-class): targets are class indices (B). With
 * smoothing eps the target distribution is {@code q_k = (1 - eps) y_k + eps / K}; with focal
 * exponent gamma, {@code l_i = -sum_k q_k (1 - p_k)^gamma log p_k}, {@code log p = logSoftmax}
 * (gamma = 0, eps = 0 gives the paper's {@code -sum_k y_k log p_k}).
 *
 * <p><b>Multi-label</b>: targets are multi-hot (B x K), smoothed to {@code t' = (1 - eps) t + eps/2};
 * per element {@code l = -[w_k t' (1 - p)^gamma log p + (1 - t') p^gamma log(1 - p)]} with
 * {@code p = sigmoid(z)}, {@code log p = -softplus(-z)}, {@code log(1 - p) = -softplus(z)}.
 *
 * <p>Class weights (optional): single-label, sample i is multiplied by {@code w_{y_i}} (see
 * {@link ClassWeights#inverseFrequency}); multi-label, the positive term of label k by {@code w_k}
 * (see {@link ClassWeights#positiveWeights}). The loss is the plain mean over samples (and labels),
 * not divided by the weight sum, so a rare-class sample weighs more whatever the batch holds.
 */
public final class ClassificationLoss {
    private final TaskType task;
    private final float smoothing;
    private final float gamma;
    private final float[] weights;

    /**
     * @param task the task type
     * @param smoothing label smoothing eps in [0, 0.5)
     * @param gamma focal exponent, 0 for plain cross-entropy
     * @param classWeights one weight per class/label, or null for none
     */
    public ClassificationLoss(TaskType task, float smoothing, float gamma, float[] classWeights) {
        this.task = task;
        this.smoothing = smoothing;
        this.gamma = gamma;
        this.weights = classWeights == null ? null : classWeights.clone();
    }

    /** The mean loss over the batch, a scalar attached to {@code logits}' manager. */
    public NDArray compute(NDArray logits, NDArray targets) {
        long k = logits.getShape().get(1);
        if (weights != null && weights.length != k) {
            throw new IllegalArgumentException("class weights have " + weights.length + " entries, logits have K = " + k);
        }
        return task == TaskType.MULTILABEL ? multiLabel(logits, targets) : singleLabel(logits, targets, k);
    }

    private NDArray singleLabel(NDArray logits, NDArray targets, long k) {
        if (k < 2 || targets.getShape().dimension() != 1) {
            throw new IllegalArgumentException("single-label loss expects logits B x K (K >= 2) and class indices B,"
                    + " got logits " + logits.getShape() + ", targets " + targets.getShape());
        }
        NDArray oneHot = targets.toType(DataType.INT64, false).oneHot((int) k).toType(DataType.FLOAT32, false);
        NDArray q = oneHot.mul(1 - smoothing).add(smoothing / k);
        NDArray logP = logits.logSoftmax(1);
        NDArray perClass = q.mul(logP);
        if (gamma > 0) {
            NDArray oneMinusP = logP.exp().neg().add(1);
            perClass = perClass.mul(oneMinusP.pow(Scalars.like(oneMinusP, gamma)));
        }
        NDArray perSample = perClass.sum(new int[] {1}).neg();
        if (weights != null) {
            perSample = perSample.mul(oneHot.matMul(logits.getManager().create(weights)));
        }
        return perSample.mean();
    }

    private NDArray multiLabel(NDArray logits, NDArray targets) {
        if (!targets.getShape().equals(logits.getShape())) {
            throw new IllegalArgumentException("multi-label loss expects multi-hot targets shaped like the logits "
                    + logits.getShape() + ", got " + targets.getShape());
        }
        NDArray t = targets.toType(DataType.FLOAT32, false).mul(1 - smoothing).add(smoothing / 2);
        NDArray logP = Activation.softPlus(logits.neg()).neg();
        NDArray logNotP = Activation.softPlus(logits).neg();
        NDArray pos = t.mul(logP);
        NDArray neg = t.neg().add(1).mul(logNotP);
        if (gamma > 0) {
            NDArray p = logP.exp();
            NDArray exponent = Scalars.like(p, gamma);
            pos = pos.mul(p.neg().add(1).pow(exponent));
            neg = neg.mul(p.pow(exponent));
        }
        if (weights != null) {
            pos = pos.mul(logits.getManager().create(weights).reshape(1, weights.length));
        }
        return pos.add(neg).neg().mean();
    }
}
