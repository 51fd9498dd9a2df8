package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CBAM (Woo et al. 2018), a paper 7.3 baseline: channel attention sigmoid(MLP(avgpool) + MLP(maxpool))
 * with one shared MLP, then spatial attention sigmoid(conv7x7([mean_c, max_c])). It rescales the
 * residual branch and is not a pooling map, so CBAM models return no {@code attention} output:
 * explanations for them are post hoc (CAM/Grad-CAM), as for GAP and SE.
 */
public final class CbamBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final SequentialBlock mlp;
    private final SequentialBlock spatial;

    /** A CBAM block for {@code channels} channels. */
    public CbamBlock(int channels) {
        super(VERSION);
        mlp = addChildBlock("mlp", new SequentialBlock()
                .add(Linear.builder().setUnits(Layers.reduced(channels)).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(channels).build()));
        spatial = addChildBlock("spatial", new SequentialBlock().add(Layers.conv(1, 7, 1, true)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long b = x.getShape().get(0);
        long c = x.getShape().get(1);
        // One MLP pass over [avg; max] stacked on the batch axis: the MLP is shared by both.
        // PyTorch's NDArray reductions take one axis only: use global pooling / flattened spatial axes.
        NDArray pooled = Pool.globalAvgPool2d(x).concat(x.reshape(b, c, -1).max(new int[] {2}), 0);
        NDList halves = mlp.forward(ps, new NDList(pooled), training).singletonOrThrow().split(2, 0);
        NDArray channelGate = Activation.sigmoid(halves.get(0).add(halves.get(1))).reshape(b, c, 1, 1);
        NDArray y = x.mul(channelGate);
        NDArray descriptor = y.mean(new int[] {1}, true).concat(y.max(new int[] {1}, true), 1);
        // Two channels: the backbone's narrow-map rule applies here too (libtorch's NCHW input gradient of such a
        // convolution was wrong on one CPU; see ChannelsLast#forStage).
        descriptor = ChannelsLast.forNarrowConv(descriptor);
        NDArray spatialGate = Activation.sigmoid(spatial.forward(ps, new NDList(descriptor), training).singletonOrThrow());
        return new NDList(y.mul(spatialGate));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        mlp.initialize(manager, dataType, new Shape(2 * in.get(0), in.get(1)));
        spatial.initialize(manager, dataType, new Shape(in.get(0), 2, in.get(2), in.get(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
