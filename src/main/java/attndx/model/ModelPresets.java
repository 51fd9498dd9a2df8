package attndx.model;

import attndx.model.ModelConfig.AttentionMode;
import attndx.model.ModelConfig.BlockAttention;
import attndx.model.ModelConfig.Fusion;
import attndx.model.ModelConfig.Pooling;
import attndx.model.ModelConfig.Stem;
import java.util.List;

/**
 * Named starting points for {@link ModelConfig}: the paper's baselines (7.3) and attention models (5.1,
 * 5.4), each on any depth/width/stem.
 *
 * <ul>
 *   <li>{@code gap}: backbone + global average pooling + linear;
 *   <li>{@code se}: squeeze-and-excitation inside every residual block, GAP;
 *   <li>{@code cbam}: CBAM (channel + spatial gating) inside every residual block, GAP;
 *   <li>{@code attn-single}: one attention head on stage 4 (the last), attention pooling;
 *   <li>{@code attn-multiscale}: heads on stages 2, 3 and 4, learned fusion weights, attention pooling.
 *       Stage 1 is left out: at full input resolution its map is costly and sees only edges.
 * </ul>
 * All presets use a shared map, no head bottleneck, no dropout and no segmentation head.
 */
public final class ModelPresets {
    /** The preset names, in benchmark order. */
    public static final List<String> NAMES = List.of("gap", "se", "cbam", "attn-single", "attn-multiscale");
    /** The default preset for real use. */
    public static final String DEFAULT = "attn-multiscale";
    /** The attended pooling of every preset (unused by the global-pooling ones); see docs/faithfulness.md. */
    public static final Pooling POOLING = Pooling.WEIGHTED_MEAN;

    private ModelPresets() {}

    /**
     * The named preset on the given backbone.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static ModelConfig create(String name, int depth, int baseWidth, Stem stem, int inChannels,
            int numClasses) {
        BlockAttention block = BlockAttention.NONE;
        List<Integer> stages = List.of();
        switch (name == null ? "" : name) {
            case "gap" -> { }
            case "se" -> block = BlockAttention.SE;
            case "cbam" -> block = BlockAttention.CBAM;
            case "attn-single" -> stages = List.of(4);
            case "attn-multiscale" -> stages = List.of(2, 3, 4);
            default -> throw new IllegalArgumentException("model.preset must be one of " + NAMES + ", got " + name);
        }
        return new ModelConfig(name, depth, baseWidth, stem, inChannels, numClasses, false, block,
                AttentionMode.SHARED, stages, Fusion.LEARNED, List.of(), false, 0.0, false, POOLING);
    }

    /** The default real-use model: attn-multiscale on a standard-width ResNet-18 with the small-input stem. */
    public static ModelConfig defaults(int inChannels, int numClasses) {
        return create(DEFAULT, 18, 64, Stem.SMALL_INPUT, inChannels, numClasses);
    }
}
