package attndx.kernels;

import java.util.Locale;

/**
 * A fast kernel whose behaviour depends on the CPU, libtorch's build or the cache sizes the OS reports, and
 * that therefore runs only where {@link KernelProbe} proved it on the machine at hand.
 */
public enum KernelComponent {
    /** oneDNN's blocked-format convolutions, reorders, sums and sum + ReLU (folded inference). */
    BLOCKED("oneDNN blocked"),
    /** NNPACK's Winograd convolutions in one-thread inference workers (needs {@link #BLOCKED}). */
    WINOGRAD("NNPACK Winograd workers"),
    /** The blocked kernels in bfloat16 ({@code evaluate --precision bf16}; needs {@link #BLOCKED}). */
    BF16("oneDNN bf16"),
    /** libtorch's fused Adam kernel for the optimiser step. */
    FUSED_ADAM("fused Adam"),
    /** Channels-last memory for the training forward and backward. */
    CHANNELS_LAST("channels-last training");

    private final String title;

    KernelComponent(String title) {
        this.title = title;
    }

    /** A short human name, e.g. "oneDNN blocked". */
    public String title() {
        return title;
    }

    /** The lower-case identifier used in the cache and the probe's protocol. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The component with this {@link #id}. */
    public static KernelComponent byId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
