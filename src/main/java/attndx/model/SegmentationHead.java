package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A light FPN-style decoder producing lesion-mask logits (auxiliary task of paper 7.2's annotated
 * subsets): each stage's features go through a 1x1 lateral convolution to {@code channels} channels,
 * are bilinearly upsampled to stage 1's resolution and summed, then conv3x3-BN-ReLU and a 1x1
 * convolution give one logit map (B x 1 x h1 x w1). {@link DiagnosisNetwork} resizes it to the input.
 */
public final class SegmentationHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<Block> laterals = new ArrayList<>();
    private final SequentialBlock decoder;

    /** A decoder over {@code stages} stage maps with {@code channels} decoder channels. */
    public SegmentationHead(int stages, int channels) {
        super(VERSION);
        if (stages < 1 || channels < 1) {
            throw new IllegalArgumentException("segmentation head needs stages >= 1 and channels >= 1, got "
                    + stages + ", " + channels);
        }
        for (int s = 1; s <= stages; s++) {
            laterals.add(addChildBlock("lateral" + s, Layers.conv(channels, 1, 1, true)));
        }
        Conv2d logits = Layers.conv(1, 1, 1, true);
        decoder = addChildBlock("decoder", new SequentialBlock()
                .add(Layers.conv(channels, 3, 1, false))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(logits));
        Layers.initConvWeights(this, Layers.KAIMING_FAN_OUT);
        // A 1-channel output with fan-out init would start with huge logits; use PyTorch's default.
        Layers.initConvWeights(logits, Layers.TORCH_DEFAULT);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        Shape top = inputs.head().getShape();
        NDArray sum = null;
        for (int s = 0; s < laterals.size(); s++) {
            NDArray lateral = laterals.get(s).forward(ps, new NDList(inputs.get(s)), training).singletonOrThrow();
            NDArray up = SpatialMaps.bilinear(lateral, top.get(2), top.get(3));
            sum = sum == null ? up : sum.add(up);
        }
        // A narrow decoder (width under 16) reads its input channels-last, as narrow backbone stages do.
        return decoder.forward(ps, new NDList(ChannelsLast.forNarrowConv(sum)), training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int s = 0; s < laterals.size(); s++) {
            laterals.get(s).initialize(manager, dataType, inputShapes[s]);
        }
        Shape lateral = laterals.get(0).getOutputShapes(new Shape[] {inputShapes[0]})[0];
        decoder.initialize(manager, dataType, lateral);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape top = inputShapes[0];
        return new Shape[] {new Shape(top.get(0), 1, top.get(2), top.get(3))};
    }
}
