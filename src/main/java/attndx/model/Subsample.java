package attndx.model;

import attndx.kernels.FoldedInference;

import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;

/**
 * Every {@code stride}-th row and column of a B x C x H x W map: the stride of a projection shortcut taken
 * before its unit-stride 1x1 convolution (see {@link ResidualUnits}). A {@link LambdaBlock} (same saved
 * format) that tells {@link FoldedInference} its stride, so the pair can run as one strided convolution.
 */
public final class Subsample extends LambdaBlock {
    private final int stride;

    Subsample(int stride) {
        super(x -> {
            String step = "::" + stride;
            return new NDList(x.singletonOrThrow().get(":, :, " + step + ", " + step));
        }, "subsample");
        this.stride = stride;
    }

    public int stride() {
        return stride;
    }
}
