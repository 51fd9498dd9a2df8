package attndx.model;

import attndx.kernels.FoldedInference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import attndx.model.ModelConfig.BlockAttention;
import attndx.model.ModelConfig.Stem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Residual CNN backbone f (paper 5.2) returning the feature map of every stage, F^(1)..F^(4), named
 * {@code features_s1}..{@code features_s4}. ResNet-18/34 with BasicBlocks, stage widths
 * baseWidth x (1,2,4,8), strides (1,2,2,2); with the small-input stem and baseWidth 64 it is exactly the
 * PyTorch reference {@code ResNet18Backbone} (28x28 input gives a 4x4 last stage, 64x64 gives 8x8).
 * Convolution weights are Kaiming-normal (fan-out), batch norms start at weight 1, bias 0. The input is
 * put into channels-last memory first ({@link ChannelsLast}).
 */
public final class ResNetBackbone extends AbstractBlock {
    /** Name prefix of the stage feature maps in the output list. */
    public static final String FEATURES_PREFIX = "features_s";
    /** 2: projection shortcuts hold a subsampling block before their convolution. */
    private static final byte VERSION = 2;

    private final SequentialBlock stem;
    private final List<SequentialBlock> stages = new ArrayList<>();
    /**
     * Whether the forward runs its large stages channels-last ({@link ChannelsLast}) or plain NCHW; null:
     * the process default, {@link ChannelsLast#enabled}.
     */
    private volatile Boolean channelsLast;

    private ResNetBackbone(Builder b) {
        super(VERSION);
        stem = addChildBlock("stem", stem(b.stem, b.baseWidth));
        int[] blocks = b.depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
        int in = b.baseWidth;
        for (int s = 0; s < blocks.length; s++) {
            int out = b.baseWidth << s;
            SequentialBlock stage = new SequentialBlock();
            for (int i = 0; i < blocks[s]; i++) {
                stage.add(ResidualUnits.basic(in, out, i == 0 && s > 0 ? 2 : 1, b.blockAttention));
                in = out;
            }
            stages.add(addChildBlock("stage" + (s + 1), stage));
        }
        Layers.initConvWeights(this, Layers.KAIMING_FAN_OUT);
    }

    private static SequentialBlock stem(Stem kind, int width) {
        SequentialBlock s = new SequentialBlock();
        if (kind == Stem.SMALL_INPUT) {
            return s.add(Layers.conv(width, 3, 1, false)).add(Layers.batchNorm()).add(Activation.reluBlock());
        }
        return s.add(Layers.conv(width, 7, 2, false)).add(Layers.batchNorm()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    }

    /** The input stem (conv, BN, ReLU, optional max-pool). */
    public SequentialBlock stem() {
        return stem;
    }

    /** The four stages, in order. */
    public List<SequentialBlock> stages() {
        return stages;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        // An input that needs its own gradient goes through a stem whose input gradient is right everywhere.
        boolean shifted = params != null && Boolean.TRUE.equals(params.get(DiagnosisNetwork.INPUT_GRADIENT));
        return stageFeatures(input, (block, x) -> shifted && block == stem
                ? ShiftedStemConvolution.forward(stem, ps, x.singletonOrThrow(), training, params)
                : block.forward(ps, x, training, params), layout());
    }

    /**
     * Fixes the memory layout of this backbone's forward (training included), overriding the process default
     * {@link ChannelsLast#enabled}: channels-last or plain NCHW. The results agree up to float rounding; the
     * kernel probe and the benchmark compare the two.
     */
    public void useChannelsLast(boolean on) {
        channelsLast = on;
    }

    /** The layout each stage is entered through: {@link ChannelsLast#forStage}, or {@link ChannelsLast#nchw}. */
    public UnaryOperator<NDArray> layout() {
        Boolean fixed = channelsLast;
        return (fixed != null ? fixed : ChannelsLast.enabled()) ? ChannelsLast::forStage : ChannelsLast::nchw;
    }


    /**
     * Stem and stages over {@code input}, each entered through {@code layout} (the memory layout it runs in:
     * {@link ChannelsLast#forStage} for DJL's operators) and run by {@code runBlock}; the named stage
     * feature maps. Shared by the plain forward and {@link FoldedInference}.
     */
    public NDList stageFeatures(NDArray input, BiFunction<Block, NDList, NDList> runBlock, UnaryOperator<NDArray> layout) {
        NDList x = runBlock.apply(stem, new NDList(layout.apply(input)));
        NDList out = new NDList(stages.size());
        for (int s = 0; s < stages.size(); s++) {
            x = runBlock.apply(stages.get(s), new NDList(layout.apply(x.singletonOrThrow())));
            NDArray f = x.singletonOrThrow();
            f.setName(FEATURES_PREFIX + (s + 1));
            out.add(f);
        }
        return out;
    }

    /**
     * {@code features} (F^(1)..F^(4)) with the stages after {@code stage} (1-based) recomputed from
     * F^(stage) by the plain blocks: what a gradient with respect to an inner stage's map needs (Grad-CAM on a
     * chosen stage), since only the maps computed from it depend on it. The other entries are kept.
     */
    public NDList stagesAfter(ParameterStore ps, NDList features, int stage, boolean training) {
        if (stage < 1 || stage > stages.size() || features.size() != stages.size()) {
            throw new IllegalArgumentException("stage must be in [1, " + stages.size() + "] with " + stages.size()
                    + " feature maps, got stage " + stage + " and " + features.size() + " maps");
        }
        NDList out = new NDList(features.size());
        out.addAll(features.subList(0, stage));
        NDArray x = features.get(stage - 1);
        for (int s = stage; s < stages.size(); s++) {
            x = stages.get(s).forward(ps, new NDList(ChannelsLast.forStage(x)), training).singletonOrThrow();
            x.setName(FEATURES_PREFIX + (s + 1));
            out.add(x);
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes);
        Shape[] shapes = stem.getOutputShapes(inputShapes);
        for (Block stage : stages) {
            stage.initialize(manager, dataType, shapes);
            shapes = stage.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[stages.size()];
        Shape[] shapes = stem.getOutputShapes(inputShapes);
        for (int s = 0; s < stages.size(); s++) {
            shapes = stages.get(s).getOutputShapes(shapes);
            out[s] = shapes[0];
        }
        return out;
    }

    /** Builder: {@code setDepth} and {@code setBaseWidth} are required. */
    public static final class Builder {
        private int depth;
        private int baseWidth;
        private Stem stem = Stem.SMALL_INPUT;
        private BlockAttention blockAttention = BlockAttention.NONE;

        private Builder() {}

        /** Depth 18 or 34. */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Width of stage 1 (64 = standard ResNet). */
        public Builder setBaseWidth(int baseWidth) {
            this.baseWidth = baseWidth;
            return this;
        }

        /** The input stem (default small-input). */
        public Builder optStem(Stem stem) {
            this.stem = stem;
            return this;
        }

        /** Channel attention inside the residual blocks (default none). */
        public Builder optBlockAttention(BlockAttention blockAttention) {
            this.blockAttention = blockAttention;
            return this;
        }

        /** The backbone; fails when a required value is missing or out of range. */
        public ResNetBackbone build() {
            if (depth != 18 && depth != 34) {
                throw new IllegalArgumentException("backbone depth must be 18 or 34, got " + depth);
            }
            if (baseWidth < 1) {
                throw new IllegalArgumentException("backbone baseWidth must be set and >= 1, got " + baseWidth);
            }
            if (stem == null || blockAttention == null) {
                throw new IllegalArgumentException("backbone stem and blockAttention must not be null");
            }
            return new ResNetBackbone(this);
        }
    }
}
