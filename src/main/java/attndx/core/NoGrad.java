package attndx.core;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd off for a block of inference, restored on close. libtorch's switch is per thread and on by default;
 * DJL turns it off only in the thread that starts the engine, so inference in any other thread (a worker, an
 * HTTP handler) would record a graph, and tensors from the scripted kernels, which run in inference mode,
 * would then fail as soon as autograd tried to save one for a backward. Use as
 * {@code try (NoGrad g = NoGrad.enter()) { ... }}; nesting is fine, and a {@code GradientCollector} opened
 * inside turns autograd on for its own extent.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        if (previous) {
            JniUtils.setGradMode(false);
        }
    }

    /** Turns autograd off in this thread until {@link #close}. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Restores the thread's previous setting. */
    @Override
    public void close() {
        if (previous) {
            JniUtils.setGradMode(true);
        }
    }
}
