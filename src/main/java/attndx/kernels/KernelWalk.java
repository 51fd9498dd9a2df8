package attndx.kernels;

import attndx.model.JoinBlock;
import attndx.model.ResNetBackbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import attndx.kernels.FoldedInference.FoldedConv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * {@link FoldedInference}'s backbone on libtorch's kernels: the folded convolutions walked block by block,
 * on oneDNN's blocked maps ({@link OneDnnKernels}) or, for the large early stages of a one-thread forward,
 * on ordinary maps with Winograd convolutions ({@link DenseKernels}); the blocks the kernels do not cover
 * run on DJL's operators. Safe to use from several threads at once.
 */
final class KernelWalk {
    private static final String RELU = ((LambdaBlock) Activation.reluBlock()).getName();
    private static final String IDENTITY = ((LambdaBlock) Blocks.identityBlock()).getName();

    /** A block on DJL's operators (over folded weights): the path for blocks the kernels do not cover. */
    @FunctionalInterface
    interface DjlPath {
        NDList run(ParameterStore ps, Block block, NDList x);
    }

    private final ResNetBackbone backbone;
    private final Set<Integer> headStages;
    private final OneDnnKernels kernels;
    private final boolean bf16;
    private final Map<Conv2d, FoldedConv> folded;
    private final Set<Block> mergedSubsamples;
    private final DjlPath djl;
    /** {@link #minOutputSide} per block and single-image input shape. */
    private final Map<List<Object>, Long> outputSides = new ConcurrentHashMap<>();

    /**
     * A walk over {@code backbone} with the folded convolutions {@code folded} (read only), skipping the
     * {@code mergedSubsamples} whose stride the next convolution takes; maps of {@code headStages} are
     * returned as ordinary arrays.
     */
    KernelWalk(ResNetBackbone backbone, Set<Integer> headStages, OneDnnKernels kernels, boolean bf16,
            Map<Conv2d, FoldedConv> folded, Set<Block> mergedSubsamples, DjlPath djl) {
        this.backbone = backbone;
        this.headStages = headStages;
        this.kernels = kernels;
        this.bf16 = bf16;
        this.folded = folded;
        this.mergedSubsamples = mergedSubsamples;
        this.djl = djl;
    }

    /**
     * The stage features from the kernels, with their names. With {@code dense} kernels, the stem and the
     * stages whose output maps are at least {@link DenseKernels#MIN_SIDE} on a side (a prefix, as maps only
     * shrink) run on ordinary NCHW maps with Winograd convolutions, the rest on blocked maps. The stages the
     * head reads are returned as ordinary arrays, the others as they were computed (blocked ones opaque, never
     * read) to save their conversion.
     */
    NDList features(ParameterStore ps, NDArray input, DenseKernels dense) {
        List<Boolean> blockedOut = new ArrayList<>();
        MapOps winograd = dense == null ? null : winogradOps(ps, dense);
        MapOps blocked = blockedOps(ps);
        NDList maps = backbone.stageFeatures(input, (block, x) -> {
            NDArray in = x.singletonOrThrow();
            boolean inBlocked = !blockedOut.isEmpty() && blockedOut.get(blockedOut.size() - 1);
            boolean onDense = winograd != null && minOutputSide(block, in) >= DenseKernels.MIN_SIDE;
            NDArray out = onDense ? walk(block, inBlocked ? kernels.toDense(in) : in, winograd)
                    : walk(block, inBlocked ? in : kernels.toBlocked(in, bf16), blocked);
            blockedOut.add(!onDense);
            return new NDList(out);
        }, UnaryOperator.identity());
        NDList features = new NDList(maps.size());
        for (int s = 0; s < maps.size(); s++) {
            NDArray m = maps.get(s);
            // blockedOut[0] is the stem's layout; stage s + 1 is entry s + 1.
            NDArray f = headStages.contains(s + 1) && blockedOut.get(s + 1) ? kernels.toDense(m) : m;
            f.setName(m.getName());
            features.add(f);
        }
        return features;
    }

    /**
     * The smaller side of {@code block}'s output for input {@code in}, remembered per block and input shape:
     * DJL infers the output shape of a lambda or join block by running it on arrays of zeros.
     */
    private long minOutputSide(Block block, NDArray in) {
        Shape s = in.getShape();
        Shape one = new Shape(1, s.get(1), s.get(2), s.get(3));
        return outputSides.computeIfAbsent(List.of(block, one), k -> {
            Shape out = block.getOutputShapes(new Shape[] {one})[0];
            return Math.min(out.get(2), out.get(3));
        });
    }

    /** The folded convolution {@code f} of {@code conv} on {@code x}, then ReLU if asked. */
    @FunctionalInterface
    private interface FoldedConvOp {
        NDArray apply(FoldedConv f, Conv2d conv, NDArray x, boolean relu);
    }

    /**
     * How a walk over the backbone computes on its maps: folded convolutions, {@code relu(a + b)} in
     * {@code a}'s storage, and the blocks the kernels do not cover (channel gates, max-pool).
     */
    private record MapOps(FoldedConvOp conv, BinaryOperator<NDArray> addRelu,
            BiFunction<Block, NDArray, NDArray> uncovered) {}

    /** Blocked maps: packed weights; uncovered blocks run on an ordinary copy that is reordered back. */
    private MapOps blockedOps(ParameterStore ps) {
        return new MapOps((f, conv, x, relu) -> kernels.conv(x, f.packed(), f.blockedBias(), f.blockedStride(),
                conv.getPadding(), conv.getDilation(), conv.getGroups(), relu), kernels::addRelu,
                (block, x) -> kernels.toBlocked(djl.run(ps, block, new NDList(kernels.toDense(x))).singletonOrThrow(),
                        bf16));
    }

    /** Ordinary NCHW maps: the folded float32 weights on {@link DenseKernels}. */
    private MapOps winogradOps(ParameterStore ps, DenseKernels dense) {
        return new MapOps((f, conv, x, relu) -> dense.conv(x, f.weight(), f.bias(), f.blockedStride(), conv.getPadding(),
                conv.getDilation(), conv.getGroups(), relu), dense::addRelu,
                (block, x) -> djl.run(ps, block, new NDList(x)).singletonOrThrow());
    }

    /** {@code block} on {@code x} in the layout of {@code ops}; the result is in the same layout. */
    private NDArray walk(Block block, NDArray x, MapOps ops) {
        List<Block> children = block.getChildren().values();
        if (block instanceof SequentialBlock) {
            NDArray in = x;
            for (int i = 0; i < children.size(); i++) {
                Block c = children.get(i);
                if (mergedSubsamples.contains(c)) {
                    continue; // the next convolution takes the stride
                }
                NDArray previous = x;
                FoldedConv f = c instanceof Conv2d conv ? folded.get(conv) : null;
                if (f != null) {
                    boolean relu = i + 2 < children.size() && isLambda(children.get(i + 2), RELU);
                    x = ops.conv().apply(f, (Conv2d) c, x, relu);
                    i += relu ? 2 : 1; // the batch norm is inside the folded weights
                } else {
                    x = walk(c, x, ops);
                }
                releaseIntermediate(previous, in, x);
            }
            return x;
        }
        if (block instanceof JoinBlock join && join.kind() == JoinBlock.Kind.ADD_RELU) {
            NDArray a = walk(children.get(0), x, ops);
            NDArray b = walk(children.get(1), x, ops);
            // The sum is written into one of the branch outputs; never into the unit's input (an identity branch).
            NDArray sum = a == x ? ops.addRelu().apply(b, a) : ops.addRelu().apply(a, b);
            releaseIntermediate(a, x, sum);
            releaseIntermediate(b, x, sum);
            return sum;
        }
        if (isLambda(block, IDENTITY)) {
            return x;
        }
        return ops.uncovered().apply(block, x);
    }

    /**
     * Frees {@code used} unless it is the walk's input or its result: the batch's manager would otherwise keep
     * every intermediate map of the backbone to the end of the batch, about 40 maps where 3 are live at a
     * time. A sum's result shares its storage with a branch output; closing that output's handle leaves the
     * storage to the result.
     */
    private static void releaseIntermediate(NDArray used, NDArray input, NDArray result) {
        if (used != input && used != result) {
            used.close();
        }
    }

    private static boolean isLambda(Block block, String name) {
        return block instanceof LambdaBlock lambda && name.equals(lambda.getName());
    }
}
