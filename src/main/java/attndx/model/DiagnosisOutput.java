package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * The named parts of a diagnosis model's forward output. The block returns a plain {@link NDList}
 * (so DJL's trainer and predictor handle it); this view names its entries, so losses and
 * explanation code read exactly the maps the model used to predict.
 *
 * <p>Layout, by NDArray name: {@code logits} (B x K), optional {@code attention} (the fused map,
 * B x M x h x w in [0,1], M = 1 for a shared map or K for class-specific maps), optional
 * {@code attention_s<i>} (the map of stage i before fusion, B x M x h_i x w_i), optional
 * {@code segmentation} (mask logits, B x 1 x H x W at input resolution).
 */
public final class DiagnosisOutput {
    public static final String LOGITS = "logits";
    public static final String ATTENTION = "attention";
    public static final String STAGE_ATTENTION_PREFIX = "attention_s";
    public static final String SEGMENTATION = "segmentation";

    private final NDList list;

    public DiagnosisOutput(NDList list) {
        this.list = list;
        if (list.get(LOGITS) == null) {
            throw new IllegalArgumentException("model output has no '" + LOGITS + "' array: " + list);
        }
    }

    /** Class logits, B x K. */
    public NDArray logits() {
        return list.get(LOGITS);
    }

    /** The fused attention map, or null for models without spatial attention (GAP, SE). */
    public NDArray attention() {
        return list.get(ATTENTION);
    }

    /** Per-stage attention maps before fusion, in stage order (empty when none). */
    public List<NDArray> stageAttention() {
        List<NDArray> out = new ArrayList<>();
        for (NDArray a : list) {
            if (a.getName() != null && a.getName().startsWith(STAGE_ATTENTION_PREFIX)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Segmentation mask logits at input resolution, or null without a segmentation head. */
    public NDArray segmentation() {
        return list.get(SEGMENTATION);
    }

    /** The underlying list. */
    public NDList list() {
        return list;
    }
}
