package attndx.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import attndx.model.DiagnosisModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Re-draws a model's learned weights for the sanity checks of Adebayo et al. (seed section 6.3). The groups, from
 * the top of the network down: {@code head} (classifier, attention heads, fusion, segmentation head), then
 * {@code stage4} .. {@code stage1} and {@code stem}. Each parameter is replaced by Gaussian values with its own
 * mean and standard deviation (so the scale of every layer is kept and nothing overflows); batch-norm running
 * statistics are kept, as they are not learned by gradient.
 */
final class WeightRandomiser {
    /** The groups in cascade order (top first). */
    static final List<String> GROUPS = List.of("head", "stage4", "stage3", "stage2", "stage1", "stem");

    private WeightRandomiser() {}

    /** Randomises the listed groups of {@code model} in place, seeded. */
    static void randomise(DiagnosisModel model, List<String> groups, long seed) {
        Random rng = new Random(seed);
        for (String g : groups) {
            for (Parameter p : parameters(model, g)) {
                if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                    continue;
                }
                NDArray a = p.getArray();
                float[] v = a.toFloatArray();
                double mean = 0;
                for (float x : v) {
                    mean += x / v.length;
                }
                double var = 0;
                for (float x : v) {
                    var += (x - mean) * (x - mean) / v.length;
                }
                double std = Math.sqrt(var);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (mean + std * rng.nextGaussian());
                }
                a.set(v);
            }
        }
    }

    /** The parameters of one group. */
    static List<Parameter> parameters(DiagnosisModel model, String group) {
        Set<Parameter> backbone = Collections.newSetFromMap(new IdentityHashMap<>());
        backbone.addAll(model.network().backbone().getParameters().values());
        List<Parameter> out = new ArrayList<>();
        if (group.equals("head")) {
            for (Parameter p : model.network().getParameters().values()) {
                if (!backbone.contains(p)) {
                    out.add(p);
                }
            }
            return out;
        }
        for (Pair<String, Block> child : model.network().backbone().getChildren()) {
            if (child.getKey().endsWith(group)) {
                out.addAll(child.getValue().getParameters().values());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no parameters in group " + group + " of " + GROUPS);
        }
        return out;
    }
}
