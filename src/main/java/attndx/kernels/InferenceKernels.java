package attndx.kernels;

/**
 * Which operators run a model's inference backbone ({@link FoldedInference}, {@link ModelRunner}).
 */
public enum InferenceKernels {
    /** DJL's operators on NCHW / channels-last maps, float32: the straightforward path, kept for comparison. */
    DJL,
    /**
     * oneDNN's blocked-format kernels, float32 (the default): the same results as {@link #DJL} up to float
     * rounding, faster on the CPU; falls back to {@link #DJL} where they do not run (a GPU, a failed load).
     */
    ONEDNN,
    /**
     * The blocked kernels computing in bfloat16 (8-bit mantissa) with float32 outputs: an opt-in speed for
     * accuracy trade, about 2x the float32 throughput on CPUs with native bf16 (avx512_bf16, AMX). Feature
     * maps carry relative errors of about 1e-2, so probabilities move in the second decimal: validate a
     * model's metrics with it before relying on it. Refused where oneDNN has no bf16 support.
     */
    ONEDNN_BF16
}
