package attndx.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import attndx.model.ModelConfig.BlockAttention;
import java.util.List;

/**
 * Residual units composed from DJL blocks, laid out exactly as the PyTorch reference
 * ({@code shared/bench/torchref/model.py}, CIFAR "option B"): conv3x3(stride)-BN-ReLU-conv3x3-BN on
 * the residual branch, a 1x1 conv + BN projection shortcut when the stride or width changes (its
 * stride applied as a subsampling first, see {@link #projection}),
 * ReLU after the sum. SE and CBAM (paper 7.3) gate the residual branch before the sum.
 */
public final class ResidualUnits {
    private ResidualUnits() {}

    /**
     * A BasicBlock.
     *
     * @param inChannels channels entering the unit (decides whether a projection is needed)
     * @param outChannels channels leaving the unit
     * @param stride stride of the first convolution and of the projection
     * @param gate channel attention applied to the residual branch
     */
    public static Block basic(int inChannels, int outChannels, int stride, BlockAttention gate) {
        SequentialBlock residual = new SequentialBlock()
                .add(Layers.conv(outChannels, 3, stride, false))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Layers.conv(outChannels, 3, 1, false))
                .add(Layers.batchNorm());
        if (gate == BlockAttention.SE) {
            residual.add(squeezeExcitation(outChannels));
        } else if (gate == BlockAttention.CBAM) {
            residual.add(new CbamBlock(outChannels));
        }
        Block shortcut = stride != 1 || inChannels != outChannels ? projection(outChannels, stride)
                : Blocks.identityBlock();
        return new JoinBlock(JoinBlock.Kind.ADD_RELU, List.of(residual, shortcut));
    }

    /**
     * The 1x1 projection shortcut with its stride taken by an explicit subsampling (every stride-th row
     * and column) before a unit-stride convolution: the same function as a strided 1x1 convolution, but
     * oneDNN's AVX-512 strided 1x1 backward-weights kernel crashes the process (SIGSEGV) on
     * channels-last input with few channels (seen for 8 and 12 input channels at 28x28 and 56x56),
     * while its unit-stride kernel does not.
     */
    private static Block projection(int outChannels, int stride) {
        SequentialBlock p = new SequentialBlock();
        if (stride != 1) {
            p.add(new Subsample(stride));
        }
        return p.add(Layers.conv(outChannels, 1, 1, false)).add(Layers.batchNorm());
    }

    /**
     * Squeeze-and-excitation (Hu et al. 2018): x * sigmoid(W2 relu(W1 GAP(x))), hidden width
     * {@link Layers#reduced(int)}.
     */
    public static Block squeezeExcitation(int channels) {
        SequentialBlock gate = new SequentialBlock()
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(Layers.reduced(channels)).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(channels).build())
                .add(Activation.sigmoidBlock());
        return new JoinBlock(JoinBlock.Kind.SCALE_CHANNELS, List.of(Blocks.identityBlock(), gate));
    }
}
