package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective's value on one batch: the weighted total (to back-propagate), each computed term
 * unweighted (for per-epoch logging), and the terms that were not computed with the reason.
 *
 * @param total {@code L_cls + sum lambda_t L_t}, a scalar
 * @param terms computed terms by name ({@link #CLS}, {@link #SPARSE}, ...), unweighted, in order
 * @param skipped terms not computed, by name, with the reason (lambda = 0, no attention, ...)
 */
public record LossTerms(NDArray total, Map<String, NDArray> terms, Map<String, String> skipped) {
    public static final String CLS = "cls";
    public static final String SPARSE = "sparse";
    public static final String SMOOTH = "smooth";
    public static final String CONSISTENCY = "cons";
    public static final String SEGMENTATION = "seg";
    /** Attention mining ({@link AttentionMiningLoss}). */
    public static final String MINING = "mine";

    public LossTerms {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** "total" followed by the computed terms, as Java floats, read from the engine in one transfer. */
    public Map<String, Float> values() {
        List<String> names = new ArrayList<>();
        NDList arrays = new NDList();
        names.add("total");
        arrays.add(total.reshape(1));
        terms.forEach((name, value) -> {
            names.add(name);
            arrays.add(value.reshape(1));
        });
        float[] v = NDArrays.concat(arrays).toFloatArray();
        Map<String, Float> out = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(names.get(i), v[i]);
        }
        return out;
    }
}
