package attndx.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Optional;

/**
 * libtorch's fused Adam kernels ({@code torch._fused_adam_}, {@code torch._fused_adamw_}) for one parameter,
 * through a {@link ScriptedKernels} module ({@code fused_adam.py} beside this class): one vectorised pass
 * over weight, gradient and both moments, where DJL's {@code adamUpdate} runs about twenty element-wise
 * operators with their temporaries. Measured on the 2-core CPU for the 62
 * parameters of a ResNet-18: 21-25 ms -> 8-9 ms per step, the same updates within 1.5e-6 (README,
 * Performance).
 */
public final class FusedAdam {
    private static final ScriptedKernels.Loaded<FusedAdam> LOADED = ScriptedKernels.load(FusedAdam.class,
            "fused_adam.py", FusedAdam::new, FusedAdam::selfTest);

    private final ScriptedKernels module;

    private FusedAdam(ScriptedKernels module) {
        this.module = module;
    }

    /** The kernel, when its module loaded ({@link #status} says why not). */
    public static Optional<FusedAdam> get() {
        return KernelSelection.current().uses(KernelComponent.FUSED_ADAM) ? LOADED.get() : Optional.empty();
    }

    /** "on", or "off: " and why the kernel is not available in this process. */
    public static String status() {
        KernelSelection selection = KernelSelection.current();
        return selection.uses(KernelComponent.FUSED_ADAM) ? LOADED.status()
                : "off: " + selection.whyNot(KernelComponent.FUSED_ADAM);
    }

    /** On the first step the bias-corrected m / sqrt(v) is the gradient's sign: w moves by lr against it. */
    private void selfTest() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = m.create(new float[] {1f, -2f});
            NDArray g = m.create(new float[] {0.5f, -0.25f});
            update(w, g, m.zeros(w.getShape()), m.zeros(w.getShape()), 1, 0.1f, 0.9f, 0.999f, 0f, 1e-8f, false, 1f);
            float[] v = w.toFloatArray();
            if (Math.abs(v[0] - 0.9f) > 1e-5f || Math.abs(v[1] + 1.9f) > 1e-5f) {
                throw new IllegalStateException("fused Adam self-test gave wrong values");
            }
        }
    }

    /**
     * One Adam step of {@code weight} in place, PyTorch's formulation: {@code m <- b1 m + (1 - b1) g},
     * {@code v <- b2 v + (1 - b2) g^2}, {@code w <- w - lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps)},
     * with {@code g} = gradient / {@code gradScale}; {@code decoupled}: first {@code w <- w (1 - lr wd)}, else
     * {@code g <- g + wd w}. Then the weight's own gradient is zeroed, as DJL's Adam operator does.
     */
    public void update(NDArray weight, NDArray grad, NDArray mean, NDArray variance, int step, float lr, float beta1,
            float beta2, float weightDecay, float eps, boolean decoupled, float gradScale) {
        module.run("adam", IValue.from((PtNDArray) weight), IValue.from((PtNDArray) grad),
                IValue.from((PtNDArray) mean), IValue.from((PtNDArray) variance), IValue.from((long) step),
                IValue.from((double) lr), IValue.from((double) beta1), IValue.from((double) beta2),
                IValue.from((double) weightDecay), IValue.from((double) eps), IValue.from(decoupled),
                IValue.from((double) gradScale));
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
