package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Puts a B x C x H x W image batch into channels-last memory (NHWC order) while keeping its logical
 * NCHW shape, the layout PyTorch calls {@code torch.channels_last}. DJL has no memory-format option, but
 * libtorch reads the layout from the strides: a permuted view of NHWC data is recognised as channels-last,
 * oneDNN then runs every convolution on it without reordering to and from its blocked format, and batch
 * norm, ReLU, additions and pooling keep the layout through the backbone, forward and backward, until
 * {@link #forStage} returns small maps to NCHW. Measured on the 2-core CPU, separate processes: a
 * ResNet-18 training step at 28x28 b64 about 3.5% faster, inference about 4.5% (README, Performance).
 * Outputs equal the NCHW computation up to float rounding.
 */
public final class ChannelsLast {
    /**
     * Whether backbones run channels-last unless told otherwise: a property of the machine, set once by the
     * kernel selection (off where its probe did not admit channels-last convolutions).
     */
    private static volatile boolean enabled = true;
    /**
     * Whether narrow maps run channels-last even where channels-last is not {@link #enabled}. On by default: on the
     * Zen 5 VM libtorch's NCHW gradients of narrow convolutions were wrong in some processes and right in others, so
     * a check in one process cannot clear NCHW. The kernel selection turns it off only where channels-last's own
     * narrow gradients are wrong and NCHW's right.
     */
    private static volatile boolean narrowRequired = true;
    /** Channel counts below this run channels-last at every map size ({@link #forStage}). */
    public static final int NARROW_CHANNELS = 16;

    private ChannelsLast() {}

    /** Whether backbones run channels-last by default in this process. */
    public static boolean enabled() {
        return enabled;
    }

    /** Sets whether narrow maps run channels-last in every layout (the kernel selection may, when it is resolved). */
    public static void setNarrowRequired(boolean on) {
        narrowRequired = on;
    }

    /**
     * {@code x} as the plain NCHW layout should hold it: a contiguous NCHW copy (a view when it already is one),
     * except narrow maps ({@link #NARROW_CHANNELS}), which run channels-last unless the kernel selection found that
     * layout's gradients wrong here ({@link #setNarrowRequired}).
     */
    public static NDArray nchw(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            return x;
        }
        if (narrowRequired && s.get(1) < NARROW_CHANNELS) {
            return of(x);
        }
        // Not viewable as (B, C*H*W) when channels-last, so this reshape copies into NCHW order.
        return x.reshape(s.get(0), -1).reshape(s);
    }

    /**
     * {@code x} as a convolution outside the backbone's stages should read it: channels-last when it is a narrow map
     * (fewer than {@link #NARROW_CHANNELS} channels) and {@link #nchw} would make it so, else unchanged.
     */
    public static NDArray forNarrowConv(NDArray x) {
        Shape s = x.getShape();
        return s.dimension() == 4 && s.get(1) < NARROW_CHANNELS && (enabled || narrowRequired) ? of(x) : x;
    }

    /** Sets {@link #enabled} (the kernel selection does, when it is resolved). */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * {@code x} (4-D, NCHW) as a channels-last tensor of the same shape; other ranks are returned unchanged.
     * For one channel the data are already in that order and only the strides change; otherwise one copy.
     */
    public static NDArray of(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            return x;
        }
        long b = s.get(0);
        // The permuted view is not viewable as (B, H*W*C), so this reshape makes NHWC memory (a no-op for C = 1).
        return x.transpose(0, 2, 3, 1).reshape(b, -1).reshape(b, s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /**
     * The layout a backbone stage (or the stem) should run in for input {@code x}: channels-last ({@link #of}, a
     * view when {@code x} already is) when the maps have more than 64 pixels or fewer than
     * {@value #NARROW_CHANNELS} channels, else NCHW (a contiguous copy). Measured on the 2-core AVX-512 CPU,
     * oneDNN's channels-last 3x3 convolutions on 4 x 4 outputs are about 15% slower than NCHW ones (512 -> 512,
     * batch 64: 19.3 vs 16.9 ms forward, 49 vs 42 ms forward + backward) and equal from 8 x 8 outputs on. Narrow
     * maps stay channels-last whatever their size: on the Zen 5 VM libtorch's NCHW input gradient of a
     * convolution with fewer than 16 channels was wrong (NaN, or off by up to 0.2) in about half of the calls,
     * while the channels-last one, which the kernel probe checks against a hand-computed gradient, was right.
     */
    public static NDArray forStage(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            return x;
        }
        if (s.get(2) * s.get(3) > 64 || s.get(1) < NARROW_CHANNELS) {
            return of(x);
        }
        // Not viewable as (B, C*H*W) when channels-last, so this reshape copies into NCHW order.
        return x.reshape(s.get(0), -1).reshape(s);
    }
}
