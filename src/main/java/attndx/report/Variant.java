package attndx.report;

import java.util.Arrays;
import java.util.List;

/**
 * The model variants an experiment compares (seed section 7.3 baselines, 9.1 ablation): a {@link
 * attndx.model.ModelPresets} preset and whether the consistency loss is on. The ablation adds one component per
 * step: backbone only, + single-scale attention, + multi-scale fusion, + consistency loss. Sparsity and smoothness
 * act on attention maps and so only on the attention variants.
 */
public enum Variant {
    GAP("gap", "gap", false, "Backbone only (GAP)"),
    ATTN_SINGLE("attn-single", "attn-single", false, "+ single-scale attention"),
    ATTN_MULTISCALE("attn-multiscale", "attn-multiscale", false, "+ multi-scale fusion"),
    ATTN_MULTISCALE_CONS("attn-multiscale-cons", "attn-multiscale", true, "+ consistency loss (proposed)"),
    SE("se", "se", false, "Squeeze-and-excitation (SE)"),
    CBAM("cbam", "cbam", false, "CBAM"),
    SHORTCUT("shortcut", "attn-multiscale", true, "Proposed model, trained with a planted shortcut");

    /** The names, in the order the tables list them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Variant::id).toList();

    private final String id;
    private final String preset;
    private final boolean consistency;
    private final String label;

    Variant(String id, String preset, boolean consistency, String label) {
        this.id = id;
        this.preset = preset;
        this.consistency = consistency;
        this.label = label;
    }

    /** The variant named {@code name}; an unknown name is an error listing the known ones. */
    public static Variant of(String name) {
        for (Variant v : values()) {
            if (v.id.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("variants: unknown variant '" + name + "'; known: " + NAMES);
    }

    /** The name used in configs, folders and results. */
    public String id() {
        return id;
    }

    /** The model preset. */
    public String preset() {
        return preset;
    }

    /** Whether the consistency loss is on. */
    public boolean consistency() {
        return consistency;
    }

    /** The row heading in the ablation tables. */
    public String label() {
        return label;
    }

    /** Whether the variant trains and is tested on the data with a planted shortcut marker. */
    public boolean plantedShortcut() {
        return this == SHORTCUT;
    }

    /** Whether the model has spatial attention heads (its own maps explain it). */
    public boolean attention() {
        return preset.startsWith("attn");
    }
}
