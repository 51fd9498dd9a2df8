package attndx.kernels;

import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.model.Prediction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The probe's inference checks (run in {@link ProbeChild}): each fast path's predictions against DJL's
 * operators on the same untrained models, over presets, stems and shapes that reach every operator the path
 * uses (batch 1, odd map sizes, the large-input stem, 64-channel stages for Winograd), then a few timed calls
 * of both on a ResNet-18 at 28x28, batch 64: what a user's predictions run.
 */
final class InferenceChecks {
    private static final double TOLERANCE = 1e-3;
    private static final int TIMED_CALLS = 5;

    private InferenceChecks() {}

    /** A shape to check: preset, width, stem, image side, batch. */
    private record Case(String preset, int width, ModelConfig.Stem stem, int side, int batch) {}

    private static final List<Case> CASES = List.of(new Case("gap", 16, ModelConfig.Stem.SMALL_INPUT, 28, 1),
            new Case("attn-multiscale", 16, ModelConfig.Stem.SMALL_INPUT, 13, 3),
            new Case("se", 16, ModelConfig.Stem.SMALL_INPUT, 28, 5),
            new Case("attn-single", 16, ModelConfig.Stem.STANDARD, 64, 2));

    /** oneDNN's blocked kernels (folded convolutions, reorders, sum + ReLU) in this thread. */
    static double[] blocked() {
        for (Case c : CASES) {
            compare(c, InferenceKernels.ONEDNN, 1, TOLERANCE);
        }
        return timed(InferenceKernels.ONEDNN, 1, InferenceKernels.DJL, 1);
    }

    /** Winograd convolutions in one-thread workers (stage 1 has 64 channels at 28x28 for width 64). */
    static double[] winograd() {
        String status = DenseKernels.status();
        if (!"on".equals(status)) {
            throw new IllegalStateException("NNPACK " + status);
        }
        int workers = Math.max(2, InferenceWorkers.intraOpThreads());
        compare(new Case("attn-multiscale", 64, ModelConfig.Stem.SMALL_INPUT, 28, 32), InferenceKernels.ONEDNN,
                workers, TOLERANCE);
        compare(new Case("gap", 64, ModelConfig.Stem.SMALL_INPUT, 15, 17), InferenceKernels.ONEDNN, workers, TOLERANCE);
        return timed(InferenceKernels.ONEDNN, Math.max(2, InferenceWorkers.intraOpThreads()), InferenceKernels.ONEDNN, 1);
    }

    /** The blocked kernels in bfloat16: probabilities within 0.05 of float32 (8-bit mantissa). */
    static double[] bf16() {
        compare(CASES.get(0), InferenceKernels.ONEDNN_BF16, 1, 0.05);
        compare(CASES.get(1), InferenceKernels.ONEDNN_BF16, 1, 0.05);
        return timed(InferenceKernels.ONEDNN_BF16, 1, InferenceKernels.ONEDNN, 1);
    }

    private static DiagnosisModel model(String preset, int width, ModelConfig.Stem stem) {
        ModelConfig config = ModelPresets.create(preset, 18, width, stem, 1, 2);
        return DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("kernel-probe", Map.of(), "", 1), 1);
    }

    private static float[][] images(int n, int side) {
        SplittableRandom r = new SplittableRandom(7);
        float[][] x = new float[n][side * side];
        for (float[] im : x) {
            for (int p = 0; p < im.length; p++) {
                im[p] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private static void compare(Case c, InferenceKernels fast, int workers, double tolerance) {
        try (DiagnosisModel m = model(c.preset(), c.width(), c.stem());
                ModelRunner plain = new ModelRunner(m, c.batch(), InferenceKernels.DJL, 1);
                ModelRunner tried = new ModelRunner(m, c.batch(), fast, workers)) {
            float[][] x = images(c.batch(), c.side());
            Prediction a = plain.predict(x, 1, c.side(), c.side());
            Prediction b = tried.predict(x, 1, c.side(), c.side());
            boolean probabilities = fast == InferenceKernels.ONEDNN_BF16;
            for (int i = 0; i < x.length; i++) {
                float[] p = probabilities ? a.probabilities()[i] : a.logits()[i];
                float[] q = probabilities ? b.probabilities()[i] : b.logits()[i];
                double scale = probabilities ? 1 : 1 + maxAbs(p);
                for (int k = 0; k < p.length; k++) {
                    if (!(Math.abs(p[k] - q[k]) <= tolerance * scale)) {
                        throw new IllegalStateException(fast + " disagrees with DJL's operators on " + c + ": "
                                + q[k] + " vs " + p[k]);
                    }
                }
            }
        }
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    /** Median seconds per 64-image call of a width-32 ResNet-18 gap model at 28x28: {fast, plain}. */
    private static double[] timed(InferenceKernels fast, int fastWorkers, InferenceKernels plain, int plainWorkers) {
        try (DiagnosisModel m = model("gap", 32, ModelConfig.Stem.SMALL_INPUT);
                ModelRunner a = new ModelRunner(m, 64, fast, fastWorkers);
                ModelRunner b = new ModelRunner(m, 64, plain, plainWorkers)) {
            float[][] x = images(64, 28);
            return pairedMedians(() -> a.predict(x, 1, 28, 28), () -> b.predict(x, 1, 28, 28));
        }
    }

    /**
     * Fastest seconds per call of {@code a} and of {@code b}, timed alternately (A B, B A, ...) after two
     * untimed calls of each, so drift and warm-up fall on both sides alike; the minimum, because other work on
     * the machine can only add time to a call.
     */
    static double[] pairedMedians(Runnable a, Runnable b) {
        for (int i = 0; i < 2; i++) {
            a.run();
            b.run();
        }
        double[] ta = new double[TIMED_CALLS];
        double[] tb = new double[TIMED_CALLS];
        for (int i = 0; i < TIMED_CALLS; i++) {
            boolean aFirst = i % 2 == 0;
            if (aFirst) {
                ta[i] = seconds(a);
            }
            tb[i] = seconds(b);
            if (!aFirst) {
                ta[i] = seconds(a);
            }
        }
        return new double[] {Arrays.stream(ta).min().orElseThrow(), Arrays.stream(tb).min().orElseThrow()};
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

}
