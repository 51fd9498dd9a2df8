package attndx.kernels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of a fast kernel run only where this process's {@link KernelSelection} runs it (so a machine whose
 * probe refused it skips them, with the probe's reason in the surefire report, instead of crashing the JVM).
 */
public final class KernelAssumptions {
    private KernelAssumptions() {}

    /** Skips the calling test unless {@code c} runs here. */
    public static void assumeRuns(KernelComponent c) {
        KernelSelection s = KernelSelection.current();
        assumeTrue(s.uses(c), () -> c.title() + " does not run here: " + s.whyNot(c));
    }

    /** Skips the calling test unless {@code kind}'s kernels run here (always true for DJL's operators). */
    public static void assumeRuns(InferenceKernels kind) {
        if (kind != InferenceKernels.DJL) {
            assumeRuns(kind == InferenceKernels.ONEDNN_BF16 ? KernelComponent.BF16 : KernelComponent.BLOCKED);
        }
    }
}
