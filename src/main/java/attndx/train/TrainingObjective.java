package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import attndx.core.Scalars;
import attndx.data.TaskType;
import attndx.model.DiagnosisOutput;
import attndx.model.SpatialMaps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training objective of seed section 5.5:
 * {@code L = L_cls + lambda_sp L_sparse + lambda_tv L_smooth + lambda_con L_cons (+ lambda_seg L_seg)}, and
 * optionally {@code lambda_am L_mine} (attention mining, {@link AttentionMiningLoss}; not in the seed).
 *
 * <p>The attention terms act on the fused map {@link DiagnosisOutput#attention()} (the paper's A;
 * stage maps are shaped through the fusion), divided by its peak: {@code A~ = A / (max_ij A + eps)}
 * per image and map ({@link #peakNormalised}). For models without spatial attention (GAP, SE) they
 * are skipped and reported in {@link LossTerms#skipped()}, so the objective reduces to L_cls. The
 * segmentation term needs the model's segmentation head and the batch's masks; it is skipped
 * otherwise.
 *
 * <p>Why the peak-normalised map (integrity issue 14, item 7; faithfulness issue 18): with the
 * weighted-mean pooling {@code z = sum A F / sum A} a prediction depends on the shape of A and not on
 * its scale, and on the raw map the regularisers did not: shrinking the whole sigmoid map (a more
 * negative head bias) lowered L_sparse, L_smooth and L_cons at the same prediction, and a nearly flat
 * map, which still pools every feature, satisfied them almost for free. On A~ every term is invariant
 * to scaling A, and L_sparse = mean A~ is the (soft) share of the image attended relative to the peak:
 * 1 for a flat map (the worst value) and small only when the pooling weight sits on a few locations.
 * The pooling itself is a model choice ({@code ModelConfig.Pooling}, measured in docs/faithfulness.md):
 * the weighted mean, seed 5.1's {@code sum A F} per location, or a softmax over A that reads only the
 * locations near the peak. Whatever the pooling, scaling A never lowers these terms. For multi-scale
 * models the fused map is min-max normalised already (peak 1 up to eps), so there A~ = A.
 */
public final class TrainingObjective {
    static final String NO_ATTENTION = "model has no spatial attention";
    static final String LAMBDA_ZERO = "lambda = 0";
    static final String RAMPING_IN = "not yet: mining starts after " + Math.round(MiningRamp.START * 100)
            + "% of the steps";

    /**
     * The perturbed forward pass for L_cons.
     *
     * @param output the model's output on T(x), computed in training mode in the same gradient scope
     * @param inverse Pi of the perturbation that produced T(x)
     */
    public record PerturbedPass(DiagnosisOutput output, InverseMap inverse) {}

    /**
     * The forward pass for L_mine, in the same gradient scope as the clean one.
     *
     * @param erasedLogits the model's logits on the images with their attended part erased
     * @param keptLogits the model's logits on the images with only their attended part kept (both from
     *     {@link AttentionMiningLoss#erasedAndKept})
     * @param ramp the factor on lambda_am at this step ({@link MiningRamp#factor}), in (0, 1]
     */
    public record MiningPass(NDArray erasedLogits, NDArray keptLogits, double ramp) {
        /** Stands for the pass while the ramp is still 0: the term is skipped, and no pass is needed. */
        public static final MiningPass NOT_YET = new MiningPass(null, null, 0);
    }

    /**
     * Segmentation targets of a batch.
     *
     * @param masks B x 1 x H x W in [0, 1]
     * @param present B, 1 for samples with a mask, else 0
     */
    public record MaskTargets(NDArray masks, NDArray present) {}

    private final LossConfig config;
    private final TaskType task;
    private final ClassificationLoss classification;

    /**
     * @param config weights and options
     * @param task the task type
     * @param classWeights per-class weights (required when {@code config.classReweighting()}, else null)
     */
    public TrainingObjective(LossConfig config, TaskType task, float[] classWeights) {
        if (config.classReweighting() != (classWeights != null)) {
            throw new IllegalArgumentException("class weights must be given exactly when loss.classReweighting is"
                    + " true (classReweighting=" + config.classReweighting() + ", weights given="
                    + (classWeights != null) + ")");
        }
        this.config = config;
        this.task = task;
        this.classification = new ClassificationLoss(task, (float) config.labelSmoothing(),
                (float) config.focalGamma(), classWeights);
    }

    /** The configuration. */
    public LossConfig config() {
        return config;
    }

    /** Whether the trainer must run the second forward pass on T(x) for this model's output. */
    public boolean needsPerturbedPass(DiagnosisOutput output) {
        return config.lambdaConsistency() > 0 && output.attention() != null;
    }

    /** Whether the trainer must run the pass on erased and kept images ({@link MiningPass}) for this model's output. */
    public boolean needsMiningPass(DiagnosisOutput output) {
        return config.lambdaMining() > 0 && output.attention() != null;
    }

    /** {@link #compute(DiagnosisOutput, NDArray, PerturbedPass, MaskTargets, MiningPass)} without attention mining. */
    public LossTerms compute(DiagnosisOutput output, NDArray targets, PerturbedPass perturbed, MaskTargets masks) {
        return compute(output, targets, perturbed, masks, null);
    }

    /**
     * The loss of one batch.
     *
     * @param output the model's output on x
     * @param targets class indices (B) or multi-hot (B x K)
     * @param perturbed the pass on T(x); required when {@link #needsPerturbedPass} is true, else ignored
     * @param masks segmentation targets, or null when the batch has none
     * @param mined the pass on erased and kept images ({@link MiningPass#NOT_YET} before the ramp); required when
     *     {@link #needsMiningPass} is true, else ignored
     */
    public LossTerms compute(DiagnosisOutput output, NDArray targets, PerturbedPass perturbed, MaskTargets masks,
            MiningPass mined) {
        Map<String, NDArray> terms = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        NDArray total = classification.compute(output.logits(), targets);
        terms.put(LossTerms.CLS, total);
        NDArray a = output.attention() == null ? null : peakNormalised(output.attention());
        total = addAttentionTerm(total, terms, skipped, LossTerms.SPARSE, config.lambdaSparse(), a,
                () -> SparsityLoss.compute(a));
        total = addAttentionTerm(total, terms, skipped, LossTerms.SMOOTH, config.lambdaSmooth(), a,
                () -> SmoothnessLoss.compute(a));
        total = addAttentionTerm(total, terms, skipped, LossTerms.CONSISTENCY, config.lambdaConsistency(), a,
                () -> consistency(a, perturbed));
        if (mined == MiningPass.NOT_YET && config.lambdaMining() > 0 && a != null) {
            skipped.put(LossTerms.MINING, RAMPING_IN);
        } else {
            double ramp = mined == null ? 1 : mined.ramp();
            total = addAttentionTerm(total, terms, skipped, LossTerms.MINING, config.lambdaMining() * ramp, a,
                    () -> mining(mined, targets));
        }
        return new LossTerms(addSegmentation(total, terms, skipped, output, masks), terms, skipped);
    }

    private NDArray consistency(NDArray reference, PerturbedPass perturbed) {
        if (perturbed == null || perturbed.output().attention() == null) {
            throw new IllegalArgumentException("lambdaConsistency > 0 and the model has attention: pass the model's"
                    + " output on T(x) with its attention and Pi (see needsPerturbedPass)");
        }
        NDArray mapped = peakNormalised(perturbed.output().attention());
        return ConsistencyLoss.compute(reference, perturbed.inverse().toReference(mapped));
    }

    private NDArray mining(MiningPass mined, NDArray targets) {
        if (mined == null) {
            throw new IllegalArgumentException("lambdaMining > 0 and the model has attention: pass the model's output"
                    + " on the erased and kept images (see needsMiningPass)");
        }
        return AttentionMiningLoss.compute(mined.erasedLogits(), mined.keptLogits(), targets, task);
    }

    /**
     * {@code A / (max_ij A + eps)} for each image and map of B x M x h x w maps (eps =
     * {@link SpatialMaps#EPS}): invariant to scaling A, peak 1, and a flat map all ones.
     */
    static NDArray peakNormalised(NDArray attention) {
        Shape s = attention.getShape();
        NDArray peak = attention.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).max(new int[] {2}, true)
                .expandDims(3);
        return attention.div(peak.add(Scalars.like(peak, SpatialMaps.EPS)));
    }

    private static NDArray addAttentionTerm(NDArray total, Map<String, NDArray> terms, Map<String, String> skipped,
            String name, double lambda, NDArray attention, Supplier<NDArray> term) {
        if (lambda == 0) {
            skipped.put(name, LAMBDA_ZERO);
            return total;
        }
        if (attention == null) {
            skipped.put(name, NO_ATTENTION);
            return total;
        }
        NDArray value = term.get();
        terms.put(name, value);
        return total.add(value.mul(Scalars.like(value, lambda)));
    }

    private NDArray addSegmentation(NDArray total, Map<String, NDArray> terms, Map<String, String> skipped,
            DiagnosisOutput output, MaskTargets masks) {
        if (config.lambdaSegmentation() == 0) {
            skipped.put(LossTerms.SEGMENTATION, LAMBDA_ZERO);
            return total;
        }
        if (output.segmentation() == null) {
            skipped.put(LossTerms.SEGMENTATION, "model has no segmentation head");
            return total;
        }
        if (masks == null) {
            skipped.put(LossTerms.SEGMENTATION, "batch has no masks");
            return total;
        }
        NDArray value = SegmentationLoss.compute(output.segmentation(), masks.masks(), masks.present());
        terms.put(LossTerms.SEGMENTATION, value);
        return total.add(value.mul(Scalars.like(value, config.lambdaSegmentation())));
    }
}
