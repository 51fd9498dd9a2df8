package attndx.model;

import attndx.kernels.FoldedInference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import java.util.List;

/**
 * A {@link ParallelBlock} (same parameters, metadata and saved format) with a named join, so
 * {@link FoldedInference} can run the branches on its own path and then join them, or replace the join
 * with a kernel of its own.
 */
public final class JoinBlock extends ParallelBlock {
    /** How the branch outputs (each a single array) are combined. */
    public enum Kind {
        /** {@code relu(a + b)}: the end of a residual unit. */
        ADD_RELU,
        /** {@code x * g} with a B x C gate {@code g} broadcast over the pixels: channel attention. */
        SCALE_CHANNELS;

        NDList apply(List<NDList> branches) {
            NDArray a = branches.get(0).singletonOrThrow();
            NDArray b = branches.get(1).singletonOrThrow();
            return new NDList(switch (this) {
                case ADD_RELU -> Activation.relu(a.add(b));
                case SCALE_CHANNELS -> a.mul(b.reshape(b.getShape().get(0), b.getShape().get(1), 1, 1));
            });
        }
    }

    private final Kind kind;

    JoinBlock(Kind kind, List<Block> branches) {
        super(kind::apply, branches);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The join of already computed branch outputs. */
    public NDList join(List<NDList> branches) {
        return kind.apply(branches);
    }
}
