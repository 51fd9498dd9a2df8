package attndx.serve;

import java.util.Locale;

/** The explanation maps a study can be shown with (seed sections 7.3, 10.1). */
public enum Explanation {
    /** The model's own fused attention map of the predicted class (attention presets only). */
    ATTENTION,
    /** Grad-CAM of the predicted class on the last stage (any preset; needs gradients, so serialised). */
    GRAD_CAM;

    /** The name used in files and the API: "attention", "grad-cam". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()} (or the enum name), naming the accepted values when it fails. */
    public static Explanation parse(String s) {
        for (Explanation e : values()) {
            if (e.label().equalsIgnoreCase(s.trim()) || e.name().equalsIgnoreCase(s.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("explanation must be attention or grad-cam, got '" + s + "'");
    }
}
