package attndx.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link ParallelBlock} (same parameters, metadata and saved format) whose join can also be applied to
 * branch outputs computed elsewhere, so {@link FoldedInference} can run the branches on its folded path.
 */
final class JoinBlock extends ParallelBlock {
    private final Function<List<NDList>, NDList> join;

    JoinBlock(Function<List<NDList>, NDList> join, List<Block> branches) {
        super(join, branches);
        this.join = join;
    }

    /** The join of already computed branch outputs. */
    NDList join(List<NDList> branches) {
        return join.apply(branches);
    }
}
