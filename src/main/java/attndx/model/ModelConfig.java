package attndx.model;

import java.util.List;
import java.util.Objects;

/**
 * The complete, immutable description of a diagnosis network; it is saved in {@code model.json} and
 * is all {@link ModelFactory} needs to rebuild the network. All variants (GAP, SE, CBAM, single- and
 * multi-scale attention pooling, paper sections 5.1-5.4 and 7.3) share the residual backbone and
 * differ only in these fields. Start from {@link ModelPresets} and adjust with the {@code with...}
 * methods.
 *
 * @param preset the preset this config was derived from (informational, e.g. "attn-multiscale")
 * @param depth residual depth: 18 (BasicBlocks [2,2,2,2]) or 34 ([3,4,6,3])
 * @param baseWidth channels of stage 1; stages 1-4 have baseWidth x (1,2,4,8); 64 is the standard ResNet
 * @param stem {@link Stem#SMALL_INPUT} (3x3 stride 1, for 28-64 px) or {@link Stem#STANDARD} (7x7 stride 2 + max-pool)
 * @param inChannels input image channels (1 grey-scale, 3 RGB, ...)
 * @param numClasses number of logits K (at least 2 for single-label, 1 for multi-label)
 * @param multiLabel true when each class is an independent yes/no (sigmoid), false for one class per image (softmax)
 * @param blockAttention channel attention inside every residual block: none, SE or CBAM
 * @param attentionMode one shared spatial map or one map per class (only with attention stages)
 * @param attentionStages 1-based stages carrying an attention head g_s, ascending; empty means global average pooling
 * @param fusion how multi-scale maps are weighted: learned (softmax over parameters) or fixed
 * @param fusionWeights the fixed weights alpha_s, one per attention stage (FIXED only; empty for LEARNED)
 * @param headBottleneck whether each attention head starts with a small 1x1 bottleneck (conv-BN-ReLU)
 * @param dropout dropout rate applied to the pooled feature before the classifier, in [0, 1)
 * @param segmentationHead whether the light segmentation decoder is present
 * @param pooling how the attention map pools the last-stage features ({@link Pooling}); null (a model.json
 *     written before the field existed) means {@link Pooling#WEIGHTED_MEAN}, the pooling such models were
 *     trained with
 */
public record ModelConfig(String preset, int depth, int baseWidth, Stem stem, int inChannels, int numClasses,
        boolean multiLabel, BlockAttention blockAttention, AttentionMode attentionMode,
        List<Integer> attentionStages, Fusion fusion, List<Double> fusionWeights, boolean headBottleneck,
        double dropout, boolean segmentationHead, Pooling pooling) {

    /** Number of residual stages of every backbone. */
    public static final int STAGES = 4;

    /** Backbone input stem. */
    public enum Stem {
        /** 3x3 convolution, stride 1, no max-pool (CIFAR style, 28-64 px inputs). */
        SMALL_INPUT,
        /** 7x7 convolution, stride 2, then 3x3 max-pool stride 2 (ImageNet style, 224-512 px inputs). */
        STANDARD
    }

    /** Channel attention inside the residual blocks (paper 7.3 baselines). */
    public enum BlockAttention { NONE, SE, CBAM }

    /** Shared spatial map or class-specific maps A^(k) (paper 5.2). */
    public enum AttentionMode { SHARED, CLASS_SPECIFIC }

    /** Multi-scale fusion weights alpha_s (paper 5.4). */
    public enum Fusion { LEARNED, FIXED }

    /**
     * Attended pooling of the last-stage features F with the attention map A (paper 5.1); see
     * {@link SpatialMaps#attendedPoolResized}. Measured in docs/faithfulness.md.
     */
    public enum Pooling {
        /**
         * {@code z = sum A F / (sum A + eps)}, the attention-weighted mean: invariant to scaling A, so a
         * nearly flat map still pools every location and the classifier need not read where A is high.
         * The pooling of every model saved before this field existed.
         */
        WEIGHTED_MEAN,
        /**
         * {@code z = sum A F / (h w)}: seed 5.1's {@code sum A F}, normalised by the map's size so its scale
         * does not depend on the resolution; a location where A is low contributes little.
         */
        MEAN,
        /**
         * {@code z = sum softmax(A / tau) F} with {@code tau = }{@link SpatialMaps#SOFTMAX_TEMPERATURE}: the
         * weighted mean of {@code exp(A / tau)}, which concentrates the pooling on the locations where A is
         * near its peak (a monotone function of A, so the map still orders the locations as it pools them).
         */
        SOFTMAX
    }

    public ModelConfig {
        preset = preset == null ? "custom" : preset;
        if (depth != 18 && depth != 34) {
            throw new IllegalArgumentException("model.depth must be 18 or 34, got " + depth);
        }
        if (baseWidth < 4 || baseWidth > 512) {
            throw new IllegalArgumentException("model.baseWidth must be in [4, 512], got " + baseWidth);
        }
        require(stem, "model.stem", "SMALL_INPUT, STANDARD");
        require(blockAttention, "model.blockAttention", "NONE, SE, CBAM");
        require(attentionMode, "model.attentionMode", "SHARED, CLASS_SPECIFIC");
        require(fusion, "model.fusion", "LEARNED, FIXED");
        if (inChannels < 1 || inChannels > 64) {
            throw new IllegalArgumentException("model.inChannels must be in [1, 64], got " + inChannels);
        }
        int minClasses = multiLabel ? 1 : 2;
        if (numClasses < minClasses) {
            throw new IllegalArgumentException("model.numClasses must be >= " + minClasses
                    + (multiLabel ? " for multi-label" : " for single-label") + " models, got " + numClasses);
        }
        attentionStages = List.copyOf(Objects.requireNonNullElse(attentionStages, List.of()));
        fusionWeights = List.copyOf(Objects.requireNonNullElse(fusionWeights, List.of()));
        validateStages(attentionStages, attentionMode);
        validateFusion(fusion, fusionWeights, attentionStages.size());
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("model.dropout must be in [0, 1), got " + dropout);
        }
        pooling = pooling == null ? Pooling.WEIGHTED_MEAN : pooling;
    }

    private static void require(Object value, String field, String allowed) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be one of " + allowed + ", got null");
        }
    }

    private static void validateStages(List<Integer> stages, AttentionMode mode) {
        int previous = 0;
        for (int s : stages) {
            if (s < 1 || s > STAGES || s <= previous) {
                throw new IllegalArgumentException("model.attentionStages must be ascending stage numbers in [1, "
                        + STAGES + "] without repeats, got " + stages);
            }
            previous = s;
        }
        if (stages.isEmpty() && mode == AttentionMode.CLASS_SPECIFIC) {
            throw new IllegalArgumentException(
                    "model.attentionMode CLASS_SPECIFIC needs at least one entry in model.attentionStages, got []");
        }
    }

    private static void validateFusion(Fusion fusion, List<Double> weights, int stages) {
        if (fusion == Fusion.LEARNED && !weights.isEmpty()) {
            throw new IllegalArgumentException("model.fusionWeights must be empty when model.fusion is LEARNED, got "
                    + weights);
        }
        if (fusion == Fusion.FIXED) {
            if (weights.size() != stages) {
                throw new IllegalArgumentException("model.fusionWeights must have one value per attention stage ("
                        + stages + ") when model.fusion is FIXED, got " + weights);
            }
            double sum = 0;
            for (Double w : weights) {
                if (w == null || !(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("model.fusionWeights must be finite and >= 0, got " + weights);
                }
                sum += w;
            }
            if (stages > 0 && !(sum > 0)) {
                throw new IllegalArgumentException("model.fusionWeights must not all be 0, got " + weights);
            }
        }
    }

    /** True when the classifier pools with spatial attention (false: global average pooling). */
    public boolean hasAttention() {
        return !attentionStages.isEmpty();
    }

    /** Channels of stage {@code s} (1-based). */
    public int stageWidth(int s) {
        return baseWidth << (s - 1);
    }

    /** Number of maps per attention head: 1 for a shared map, K for class-specific maps. */
    public int mapsPerHead() {
        return attentionMode == AttentionMode.CLASS_SPECIFIC ? numClasses : 1;
    }

    /** Residual blocks per stage for this depth. */
    public int[] blocksPerStage() {
        return depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }

    /** This config with another input/output layout. */
    public ModelConfig withTask(int channels, int classes, boolean multi) {
        return new ModelConfig(preset, depth, baseWidth, stem, channels, classes, multi, blockAttention,
                attentionMode, attentionStages, fusion, fusionWeights, headBottleneck, dropout, segmentationHead, pooling);
    }

    /** This config with another backbone size and stem. */
    public ModelConfig withBackbone(int newDepth, int width, Stem newStem) {
        return new ModelConfig(preset, newDepth, width, newStem, inChannels, numClasses, multiLabel, blockAttention,
                attentionMode, attentionStages, fusion, fusionWeights, headBottleneck, dropout, segmentationHead, pooling);
    }

    /** This config with another attention layout (stages, mode, fusion, head bottleneck). */
    public ModelConfig withAttention(List<Integer> stages, AttentionMode mode, Fusion newFusion, List<Double> weights,
            boolean bottleneck) {
        return new ModelConfig(preset, depth, baseWidth, stem, inChannels, numClasses, multiLabel, blockAttention,
                mode, stages, newFusion, weights, bottleneck, dropout, segmentationHead, pooling);
    }

    /** This config with another dropout rate before the classifier. */
    public ModelConfig withDropout(double rate) {
        return new ModelConfig(preset, depth, baseWidth, stem, inChannels, numClasses, multiLabel, blockAttention,
                attentionMode, attentionStages, fusion, fusionWeights, headBottleneck, rate, segmentationHead, pooling);
    }

    /** This config with another attended pooling. */
    public ModelConfig withPooling(Pooling newPooling) {
        return new ModelConfig(preset, depth, baseWidth, stem, inChannels, numClasses, multiLabel, blockAttention,
                attentionMode, attentionStages, fusion, fusionWeights, headBottleneck, dropout, segmentationHead,
                newPooling);
    }

    /** This config with or without the segmentation head. */
    public ModelConfig withSegmentationHead(boolean on) {
        return new ModelConfig(preset, depth, baseWidth, stem, inChannels, numClasses, multiLabel, blockAttention,
                attentionMode, attentionStages, fusion, fusionWeights, headBottleneck, dropout, on, pooling);
    }
}
