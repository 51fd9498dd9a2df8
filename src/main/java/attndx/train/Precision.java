package attndx.train;

import ai.djl.Device;

/**
 * The arithmetic of a training run. {@code AUTO} resolves to {@link #FP16} (mixed precision) on a GPU
 * and {@link #FP32} elsewhere: CPUs gain nothing from fp16 convolutions, they run slower there.
 */
public enum Precision {
    /** FP16 on a GPU, FP32 otherwise. */
    AUTO,
    /** Everything in float32. */
    FP32,
    /**
     * Mixed precision: the backbone's convolutions and linear layers compute in float16 from float32
     * master weights, batch norm keeps float32 parameters and statistics, the head and the losses run in
     * float32, and the loss is scaled dynamically ({@link LossScaler}).
     */
    FP16;

    /** The precision actually used on {@code device}. */
    public Precision resolve(Device device) {
        if (this != AUTO) {
            return this;
        }
        return device.isGpu() ? FP16 : FP32;
    }

    /** Parses "auto", "fp32" or "fp16" (any case); an error naming the accepted values otherwise. */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be auto, fp32 or fp16, got '" + text + "'");
    }
}
