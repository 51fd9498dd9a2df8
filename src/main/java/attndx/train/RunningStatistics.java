package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch-norm running means and variances of a network, saved before the consistency pass on
 * T(x) and written back after it, so the running statistics (which inference and validation use)
 * come from the clean batch x alone, as in a step without the consistency term.
 *
 * <p>Why save and restore rather than another forward mode: the pass on T(x) must run in training
 * mode (batch statistics, so its gradient is that of the model being trained), and libtorch's
 * training-mode batch norm always updates the running buffers in place; DJL offers no per-call
 * momentum of 0. The buffers take no gradient and the backward pass reads the batch statistics it
 * saved, not the buffers, so writing them back changes nothing else; but autograd keeps the buffers
 * among its saved tensors and refuses a backward pass after they were written, so the step restores
 * them after its backward pass and before the update (the update does not read them).
 */
final class RunningStatistics {
    private final List<Parameter> buffers = new ArrayList<>();

    /** The running-mean and running-variance parameters of every batch norm in {@code network}. */
    RunningStatistics(Block network) {
        for (Pair<String, Parameter> p : network.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                buffers.add(p.getValue());
            }
        }
    }

    /** Number of buffers (two per batch norm). */
    int size() {
        return buffers.size();
    }

    /** Copies of the current values, owned by {@code manager} (the step's). */
    List<NDArray> save(NDManager manager) {
        List<NDArray> copies = new ArrayList<>(buffers.size());
        for (Parameter p : buffers) {
            NDArray c = p.getArray().duplicate();
            c.attach(manager);
            copies.add(c);
        }
        return copies;
    }

    /** Writes {@code saved} (from {@link #save}) back into the buffers, in place. */
    void restore(List<NDArray> saved) {
        for (int i = 0; i < buffers.size(); i++) {
            saved.get(i).copyTo(buffers.get(i).getArray());
        }
    }
}
