package attndx.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The attention generator g (paper 5.2): a 1x1 convolution followed by a sigmoid, optionally preceded by
 * one small bottleneck (1x1 conv - BN - ReLU). Maps B x d x h x w features to A in [0,1]^(B x M x h x w),
 * M = 1 for a shared map or K for class-specific maps. Kept shallow on purpose: deep heads turn into
 * "mini classifiers" and their maps stop explaining the backbone's evidence (paper 5.2).
 */
public final class AttentionHead {
    private AttentionHead() {}

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder: {@code setMaps} is required. */
    public static final class Builder {
        private int maps;
        private int bottleneck;

        private Builder() {}

        /** Number of output maps M (1 shared, K class-specific). */
        public Builder setMaps(int maps) {
            this.maps = maps;
            return this;
        }

        /** Width of the optional bottleneck; 0 (default) for none. */
        public Builder optBottleneck(int channels) {
            this.bottleneck = channels;
            return this;
        }

        /** The head as a sequential block. */
        public Block build() {
            if (maps < 1) {
                throw new IllegalArgumentException("attention head maps must be set and >= 1, got " + maps);
            }
            if (bottleneck < 0) {
                throw new IllegalArgumentException("attention head bottleneck must be >= 0, got " + bottleneck);
            }
            SequentialBlock head = new SequentialBlock();
            if (bottleneck > 0) {
                head.add(Layers.conv(bottleneck, 1, 1, false)).add(Layers.batchNorm()).add(Activation.reluBlock());
                Layers.initConvWeights(head, Layers.KAIMING_FAN_OUT);
            }
            Conv2d scores = Layers.conv(maps, 1, 1, true);
            // PyTorch's default init: Kaiming fan-out on a 1-channel output would saturate the sigmoid.
            Layers.initConvWeights(scores, Layers.TORCH_DEFAULT);
            return head.add(scores).add(Activation.sigmoidBlock());
        }
    }
}
