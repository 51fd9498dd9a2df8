package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The stem for an input that needs its own gradient (input-gradient saliency, the erased images of attention
 * mining): its convolution computed as a sum of shifted, weighted copies of the input, then the stem's other layers
 * as usual. The same values as the convolution up to float rounding; its input gradient is made of slices, pads and
 * products. libtorch 2.7's input gradient of a convolution with one input channel was wrong for some images of a
 * batch in 30-75% of the calls on the Zen 5 CPU (docs/faithfulness.md), and a stem has one input channel for
 * grey-scale images.
 */
final class ShiftedStemConvolution {
    private ShiftedStemConvolution() {}

    /** The stem (convolution first, no bias) over {@code x} with its convolution done by shifted copies. */
    static NDList forward(SequentialBlock stem, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        List<Block> layers = stem.getChildren().values();
        Conv2d conv = (Conv2d) layers.get(0);
        NDArray w = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), training);
        NDList out = new NDList(convolve(x, w, (int) conv.getStride().get(0), (int) conv.getPadding().get(0)));
        for (Block layer : layers.subList(1, layers.size())) {
            out = layer.forward(ps, out, training, params);
        }
        return out;
    }

    /** {@code x} (B x C x H x W) convolved with {@code w} (F x C x k x k), square stride and zero padding. */
    static NDArray convolve(NDArray x, NDArray w, int stride, int padding) {
        Shape s = x.getShape();
        long channels = s.get(1);
        int k = (int) w.getShape().get(2);
        long outH = (s.get(2) + 2L * padding - k) / stride + 1;
        long outW = (s.get(3) + 2L * padding - k) / stride + 1;
        NDArray padded = x.pad(new Shape(padding, padding, padding, padding), 0);
        NDArray sum = null;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    NDArray shifted = padded.get(new NDIndex(":, {}:{}, {}:{}:{}, {}:{}:{}", c, c + 1, ky,
                            ky + stride * (outH - 1) + 1, stride, kx, kx + stride * (outW - 1) + 1, stride));
                    NDArray weights = w.get(new NDIndex(":, {}, {}, {}", c, ky, kx));
                    // a slice of a parameter would join the model's manager and outlive the batch
                    weights.attach(x.getManager());
                    NDArray tap = weights.reshape(1, -1, 1, 1);
                    NDArray term = shifted.mul(tap);
                    sum = sum == null ? term : sum.add(term);
                }
            }
        }
        return sum;
    }
}
