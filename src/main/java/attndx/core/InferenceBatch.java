package attndx.core;

import ai.djl.ndarray.NDManager;

/**
 * The scope of one inference batch: a {@link NativeWork} pass (an exit waits for the batch), autograd off
 * ({@link NoGrad}; a {@code GradientCollector} opened inside turns it on for its own extent) and a sub-manager that
 * frees every array of the batch. Closed in reverse order. Use as
 * {@code try (InferenceBatch b = InferenceBatch.open(parent)) { NDManager batch = b.manager(); ... }}.
 */
public final class InferenceBatch implements AutoCloseable {
    private final NativeWork.Pass pass;
    private final NoGrad noGrad;
    private final NDManager manager;

    private InferenceBatch(NativeWork.Pass pass, NoGrad noGrad, NDManager manager) {
        this.pass = pass;
        this.noGrad = noGrad;
        this.manager = manager;
    }

    /** Opens the scope; its arrays belong to a new sub-manager of {@code parent}. */
    public static InferenceBatch open(NDManager parent) {
        NativeWork.Pass pass = NativeWork.enter();
        NoGrad noGrad = null;
        try {
            noGrad = NoGrad.enter();
            return new InferenceBatch(pass, noGrad, parent.newSubManager());
        } catch (RuntimeException | Error e) {
            if (noGrad != null) {
                noGrad.close();
            }
            pass.close();
            throw e;
        }
    }

    /** The batch's manager, closed with the scope. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            try {
                noGrad.close();
            } finally {
                pass.close();
            }
        }
    }
}
