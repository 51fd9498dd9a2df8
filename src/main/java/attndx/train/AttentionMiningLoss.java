package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import attndx.core.Scalars;
import attndx.data.TaskType;
import attndx.model.SpatialMaps;

/**
 * Attention mining: the most attended part of an image must hold the evidence for its label: without it the label must
 * go, with it alone the label must stay. The idea of erasing the attended part is GAIN's (Li et al. 2018); the mask
 * and the kept image are not. GAIN erases where the peak-normalised map exceeds a fixed threshold, so the erased area
 * is whatever the map's shape makes it. Here each image gets a random fraction k in [{@value #MIN_FRACTION},
 * {@value #MAX_FRACTION}] and the mask marks the top k of the map's pixels at input resolution:
 * {@code T = sigmoid((A - q) / tau)} with q between the k-th and (k+1)-th highest values of A and tau =
 * {@value #SOFTNESS} of the map's range (q and tau carry no gradient, so only the order of A around q is
 * trained, not its scale). Two images come from each: the erased {@code x (1 - T)} and the kept {@code x T}, in
 * normalised intensities (0 there is the deletion check's fill): one point of the deletion and one of the insertion
 * curve. The erased image of a finding must lose it (its probability is the loss); the erased image of a normal
 * (class 0) image must no longer be surely normal (its probability above chance, 1/K, is the loss: asking it to look
 * abnormal helped on chest X-rays, where erasing dark lung fields with the mean grey brightens them, but broke the
 * classifier on the phantom, where erasing can only flatten; asking nothing left the normal images' maps untrained);
 * the kept image of every image must keep its label (1 - its probability). The gradient reaches the map through
 * both images (the trainer runs that pass with {@code DiagnosisNetwork.INPUT_GRADIENT}). docs/faithfulness.md has
 * the measurements.
 */
public final class AttentionMiningLoss {
    /** The smallest fraction of pixels erased. */
    static final float MIN_FRACTION = 0.1f;
    /** The largest fraction of pixels erased. */
    static final float MAX_FRACTION = 0.9f;
    /** The mask's softness, as a fraction of the map's range per image. */
    static final float SOFTNESS = 0.05f;

    private AttentionMiningLoss() {}

    /**
     * {@code x} (B x C x H x W, normalised) with the top fraction of the pixels of {@code attention} (B x 1 x h x w,
     * resized to H x W) erased, followed by {@code x} with only those pixels kept: 2B images, the erased first. The
     * fraction is drawn per image uniformly from [{@value #MIN_FRACTION}, {@value #MAX_FRACTION}] with the engine's
     * random generator. With one map per class (B x K x h x w), each image's map is its label's (multi-label: the sum
     * of its positive labels' maps).
     *
     * @param targets class indices (B) or multi-hot (B x K)
     */
    public static NDArray erasedAndKept(NDArray x, NDArray attention, NDArray targets) {
        NDManager m = x.getManager();
        NDArray fractions = m.randomUniform(MIN_FRACTION, MAX_FRACTION, new Shape(x.getShape().get(0)));
        NDArray t = mask(findingMap(attention, targets), x.getShape().get(2), x.getShape().get(3), fractions);
        return x.mul(Scalars.like(t, 1f).sub(t)).concat(x.mul(t), 0);
    }

    /**
     * B x 1 x h x w: {@code attention} itself when it is one map, else each image's label's map (see
     * {@link #erasedAndKept}).
     */
    static NDArray findingMap(NDArray attention, NDArray targets) {
        long maps = attention.getShape().get(1);
        if (maps == 1) {
            return attention;
        }
        NDArray w = targets.getShape().dimension() == 1
                ? targets.toType(DataType.INT32, false).oneHot((int) maps).toType(DataType.FLOAT32, false)
                : targets.toType(DataType.FLOAT32, false);
        return attention.mul(w.reshape(attention.getShape().get(0), maps, 1, 1)).sum(new int[] {1}, true);
    }

    /**
     * The soft mask (B x 1 x H x W, values in (0, 1)) over the top {@code fractions[i]} of image i's pixels of
     * {@code attention} resized to H x W: at least one pixel and all but one are marked.
     */
    static NDArray mask(NDArray attention, long height, long width, NDArray fractions) {
        long b = attention.getShape().get(0);
        long n = height * width;
        NDArray a = SpatialMaps.bilinear(attention, height, width);
        NDArray sorted = a.stopGradient().reshape(b, n).sort(1);
        // m pixels erased: the threshold lies between ascending positions n - m - 1 and n - m.
        NDArray erased = fractions.mul(Scalars.like(fractions, n)).round()
                .clip(1, n - 1).toType(DataType.INT64, false).reshape(b, 1);
        NDArray above = Scalars.like(erased, n).sub(erased);
        NDArray below = above.sub(Scalars.like(above, 1));
        NDArray q = sorted.gather(below, 1).add(sorted.gather(above, 1)).mul(Scalars.like(sorted, 0.5f))
                .reshape(b, 1, 1, 1);
        NDArray range = sorted.get(":, -1").sub(sorted.get(":, 0")).reshape(b, 1, 1, 1);
        NDArray tau = range.mul(Scalars.like(range, SOFTNESS)).add(Scalars.like(range, SpatialMaps.EPS));
        return Activation.sigmoid(a.sub(q).div(tau));
    }

    /**
     * L_mine from the logits on erased and on kept images (B x K each, in the order of {@link #erasedAndKept}) and
     * the batch's targets (class indices B, or multi-hot B x K): the mean over the counted labels of
     * {@code P(label | erased) + 1 - P(label | kept)} for a finding and {@code max(0, P(label | erased) - 1/K) + 1 -
     * P(label | kept)} for class 0. Single-label: every image's label counts, and it is a finding unless it is class
     * 0; multi-label: each positive label counts and is a finding. 0 when nothing counts.
     */
    public static NDArray compute(NDArray erasedLogits, NDArray keptLogits, NDArray targets, TaskType task) {
        NDArray counted;
        NDArray findings;
        NDArray erased;
        NDArray kept;
        if (task == TaskType.MULTILABEL) {
            counted = targets.toType(DataType.FLOAT32, false);
            findings = counted;
            erased = Activation.sigmoid(erasedLogits);
            kept = Activation.sigmoid(keptLogits);
        } else {
            NDArray labels = targets.toType(DataType.INT32, false);
            counted = labels.oneHot((int) erasedLogits.getShape().get(1)).toType(DataType.FLOAT32, false);
            findings = counted.mul(labels.gt(0).toType(DataType.FLOAT32, false).reshape(-1, 1));
            erased = erasedLogits.softmax(1);
            kept = keptLogits.softmax(1);
        }
        NDArray terms = erased.mul(findings).add(Scalars.like(kept, 1f).sub(kept).mul(counted));
        if (task != TaskType.MULTILABEL) {
            NDArray normals = counted.sub(findings);
            float chance = 1f / erasedLogits.getShape().get(1);
            // relu, not maximum(0f): DJL's Number overloads hand autograd a tensor over a Java buffer (Scalars)
            terms = terms.add(Activation.relu(erased.sub(Scalars.like(erased, chance))).mul(normals));
        }
        NDArray count = counted.sum();
        return terms.sum().div(count.add(Scalars.like(count, 1e-6f)));
    }
}
