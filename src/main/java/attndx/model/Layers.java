package attndx.model;

import attndx.kernels.FoldedInference;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

/** The small layer recipes every block of the model family is built from. */
public final class Layers {
    /** Kaiming-normal, fan-out mode, ReLU gain: N(0, 2 / (out_channels * kh * kw)), as the PyTorch reference. */
    static final Initializer KAIMING_FAN_OUT = new XavierInitializer(RandomType.GAUSSIAN, FactorType.OUT, 2);
    /** PyTorch's default for linear and head weights: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    static final Initializer TORCH_DEFAULT = new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1);

    private Layers() {}

    /** A square convolution with "same" padding for odd kernels. */
    static Conv2d conv(int filters, int kernel, int stride, boolean bias) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias)
                .build();
    }

    /** Epsilon of every batch norm of the model family (PyTorch default); {@link FoldedInference} folds with it. */
    public static final float BN_EPSILON = 1e-5f;

    /** Batch norm with PyTorch's defaults (eps 1e-5; DJL momentum 0.9 = PyTorch momentum 0.1). */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(0.9f).build();
    }

    /** Hidden width of the SE/CBAM channel MLP: channels / 16, at least 4, at most channels. */
    static int reduced(int channels) {
        return Math.min(channels, Math.max(4, channels / 16));
    }

    /** Sets {@code init} on the weights of every convolution inside {@code block}. */
    static void initConvWeights(Block block, Initializer init) {
        if (block instanceof Conv2d) {
            block.setInitializer(init, Parameter.Type.WEIGHT);
        }
        for (Block child : block.getChildren().values()) {
            initConvWeights(child, init);
        }
    }
}
