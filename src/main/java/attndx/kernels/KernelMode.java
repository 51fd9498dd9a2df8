package attndx.kernels;

import attndx.core.AttndxException;
import java.util.Locale;

/**
 * What the user asked for with {@code --kernels} or {@code ATTNDX_KERNELS}: {@link #AUTO} (the default) runs
 * what the {@link KernelProbe} admitted on this machine; {@link #PLAIN} only DJL's own operators; {@link #FAST}
 * every fast kernel that loads, without asking the probe (the behaviour before the probe existed: for
 * machines known to work and for benchmarks).
 */
public enum KernelMode {
    /** The fastest set the probe admitted here, else plain. */
    AUTO,
    /** DJL's operators only: no blocked, Winograd, bf16 or fused kernels; channels-last training kept. */
    PLAIN,
    /** Every fast kernel that loads, unprobed. */
    FAST;

    /** The system property that selects the mode (wins over the environment variable). */
    public static final String PROPERTY = "attndx.kernels";
    /** The environment variable that selects the mode. */
    public static final String ENVIRONMENT = "ATTNDX_KERNELS";

    /**
     * {@code text} as a mode, case-insensitive.
     *
     * @param source where the text came from, for the error message (e.g. "--kernels")
     */
    public static KernelMode parse(String text, String source) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AttndxException(source + " must be one of auto, plain, fast; got '" + text + "'");
        }
    }

    /** The mode the system property, else the environment variable, else the default names. */
    public static KernelMode fromEnvironment() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return parse(p, "-D" + PROPERTY);
        }
        String e = System.getenv(ENVIRONMENT);
        return e == null || e.isBlank() ? AUTO : parse(e, ENVIRONMENT);
    }

    /** The lower-case name users type. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
