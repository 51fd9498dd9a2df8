package attndx.train;

import attndx.kernels.FusedAdam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Adam with decoupled weight decay applied only to the parameters a predicate selects (the
 * backbone, seed section 5.3), and with state that can be saved and restored so a resumed run
 * continues exactly. It reuses the engine's fused Adam kernel; DJL's own Adam keeps its moments
 * private, which would make resuming impossible.
 *
 * <p>The learning rate is set by the trainer before each step (from its schedule).
 */
public final class AdamOptimizer extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float weightDecay;
    private final Predicate<String> decays;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private final NDManager stateManager;
    /** Null: DJL's Adam operator. */
    private final FusedAdam fused;
    private float learningRate;
    private float gradientRescale = 1f;

    /**
     * @param stateManager owns the moment arrays (lives as long as the training run)
     * @param learningRate initial learning rate
     * @param weightDecay decoupled weight decay for the selected parameters
     * @param decays which parameter ids receive weight decay
     */
    public AdamOptimizer(NDManager stateManager, float learningRate, float weightDecay, Predicate<String> decays) {
        this(stateManager, learningRate, weightDecay, decays, true);
    }

    /**
     * As {@link #AdamOptimizer(NDManager, float, float, Predicate)}; {@code fusedKernel} false uses DJL's Adam
     * operator instead of libtorch's fused kernel (same updates up to float rounding), for comparisons.
     */
    public AdamOptimizer(NDManager stateManager, float learningRate, float weightDecay, Predicate<String> decays,
            boolean fusedKernel) {
        super(Optimizer.adam());
        this.fused = fusedKernel ? FusedAdam.get().orElse(null) : null;
        this.stateManager = stateManager;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.decays = decays;
    }

    /** Sets the learning rate used by the following updates. */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    /** Multiplies every following gradient before use (1 / loss scale in mixed precision). */
    public void setGradientRescale(float rescale) {
        this.gradientRescale = rescale;
    }

    /** The learning rate of the next update. */
    public float learningRate() {
        return learningRate;
    }

    /** Whether updates run libtorch's fused kernel; {@link #fusedKernelStatus} says why not. */
    public boolean fusedKernel() {
        return fused != null;
    }

    /** "on", or "off: " and why the fused kernel is not available in this process. */
    public static String fusedKernelStatus() {
        return FusedAdam.status();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        double coef1 = 1.0 - Math.pow(BETA1, t);
        double coef2 = 1.0 - Math.pow(BETA2, t);
        NDArray m = means.computeIfAbsent(parameterId, k -> newState(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> newState(weight));
        float wd = decays.test(parameterId) ? weightDecay : 0f;
        if (fused != null) {
            // PyTorch's kernel divides by sqrt(v / c2) + eps where DJL's divides by sqrt(v) + eps and folds
            // sqrt(c2) into the step size: eps / sqrt(c2) keeps the update DJL's.
            fused.update(weight, grad, m, v, t, learningRate, BETA1, BETA2, wd, (float) (EPSILON / Math.sqrt(coef2)),
                    wd > 0, 1f / gradientRescale);
            return;
        }
        // The engine's decoupled (AdamW) path subtracts lr * wd * w with two temporary arrays even when
        // wd is 0; without decay the coupled path adds 0 * w instead: the same update, about 5 ms less
        // per ResNet-18 step on the 2-core CPU.
        float biasCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, m, v), new NDList(weight),
                learningRate, biasCorrected, wd, gradientRescale, -1f, BETA1, BETA2, EPSILON, true, wd > 0);
    }

    private NDArray newState(NDArray weight) {
        NDArray s = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        s.setName("state");
        return s;
    }

    /**
     * Writes moments and step counts to {@code file} (an NDList with entries "m:NAME", "v:NAME",
     * "t:NAME"). DJL parameter ids are per-process counters, so the state is keyed by the stable
     * parameter names that {@code nameOf} gives for an id.
     */
    public void save(Path file, Function<String, String> nameOf) throws IOException {
        try (NDManager tmp = stateManager.newSubManager(); OutputStream out = Files.newOutputStream(file)) {
            NDList list = new NDList();
            for (String id : new TreeMap<>(means).keySet()) {
                String name = nameOf.apply(id);
                list.add(named(means.get(id), "m:" + name, tmp));
                list.add(named(variances.get(id), "v:" + name, tmp));
                NDArray t = tmp.create(new int[] {steps.get(id)});
                t.setName("t:" + name);
                list.add(t);
            }
            list.encode(out);
        }
    }

    /** A renamed copy owned by {@code owner}: a copy stays with its source's manager unless moved. */
    private static NDArray named(NDArray a, String name, NDManager owner) {
        NDArray c = a.duplicate();
        c.attach(owner);
        c.setName(name);
        return c;
    }

    /** Restores state written by {@link #save}; {@code idOf} maps a parameter name to this process's id. */
    public void load(Path file, Function<String, String> idOf) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(stateManager, in);
            for (NDArray a : list) {
                String name = a.getName();
                String id = idOf.apply(name.substring(2));
                if (id == null) {
                    throw new IOException("optimiser state in " + file + " names parameter '" + name.substring(2)
                            + "', which this model does not have");
                }
                switch (name.charAt(0)) {
                    case 'm' -> replace(means, id, a);
                    case 'v' -> replace(variances, id, a);
                    case 't' -> {
                        steps.put(id, a.toIntArray()[0]);
                        a.close();
                    }
                    default -> throw new IOException("unexpected optimiser state entry '" + name + "' in " + file);
                }
            }
        }
    }

    private static void replace(Map<String, NDArray> state, String id, NDArray value) {
        NDArray old = state.put(id, value);
        if (old != null) {
            old.close();
        }
    }
}
