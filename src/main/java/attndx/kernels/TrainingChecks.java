package attndx.kernels;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.ChannelsLast;
import attndx.model.DiagnosisModel;
import attndx.model.DiagnosisNetwork;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The probe's training checks (run in {@link ProbeChild}): libtorch's fused Adam against the update computed
 * here in double precision, narrow channels-last convolution gradients against hand-computed ones, and a
 * channels-last forward + backward against the NCHW one (every parameter gradient), then timed training steps
 * of both layouts.
 */
final class TrainingChecks {
    private TrainingChecks() {}

    /** Three Adam steps of an odd-sized parameter (1,003 values, so vector tails are exercised). */
    static double[] fusedAdam() {
        FusedAdam adam = FusedAdam.get().orElseThrow(() -> new IllegalStateException("fused Adam " + FusedAdam.status()));
        int n = 1003;
        SplittableRandom r = new SplittableRandom(3);
        float[] w0 = new float[n];
        float[] g0 = new float[n];
        for (int i = 0; i < n; i++) {
            w0[i] = (float) r.nextGaussian();
            g0[i] = (float) r.nextGaussian();
        }
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double wd = 0.01;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray w = m.create(w0);
            NDArray mean = m.zeros(w.getShape());
            NDArray var = m.zeros(w.getShape());
            double[] ew = new double[n];
            double[] em = new double[n];
            double[] ev = new double[n];
            for (int i = 0; i < n; i++) {
                ew[i] = w0[i];
            }
            for (int t = 1; t <= 3; t++) {
                adam.update(w, m.create(g0), mean, var, t, (float) lr, (float) b1, (float) b2, (float) wd, (float) eps,
                        true, 1f);
                for (int i = 0; i < n; i++) {
                    ew[i] *= 1 - lr * wd;
                    em[i] = b1 * em[i] + (1 - b1) * g0[i];
                    ev[i] = b2 * ev[i] + (1 - b2) * g0[i] * g0[i];
                    ew[i] -= lr / (1 - Math.pow(b1, t)) * em[i] / (Math.sqrt(ev[i] / (1 - Math.pow(b2, t))) + eps);
                }
            }
            float[] got = w.toFloatArray();
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(got[i] - ew[i]) <= 1e-5 * (1 + Math.abs(ew[i])))) {
                    throw new IllegalStateException("fused Adam gave " + got[i] + " instead of " + ew[i] + " at " + i);
                }
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /**
     * Narrow convolutions' input gradients against the hand-computed ones, then gradients of every parameter in
     * both layouts on two presets and shapes; then timed steps. Where the NCHW layout's narrow gradients are
     * wrong, the plain side's time is infinite: channels-last is then required, not merely faster.
     */
    static double[] channelsLast() {
        // First the NCHW gradients, before any channels-last call of the same shapes (after which they were wrong
        // less often on the CPU that showed them).
        boolean nchwRight = narrowRight(false);
        for (int channels : new int[] {4, 8, 12}) {
            narrowInputGradient(channels, true);
        }
        compareGradients("attn-multiscale", 13, 3);
        compareGradients("gap", 28, 4);
        try (DiagnosisModel m = model("gap", 32)) {
            double[] t = InferenceChecks.pairedMedians(() -> {
                m.network().backbone().useChannelsLast(true);
                gradients(m.network(), 28, 16);
            }, () -> {
                m.network().backbone().useChannelsLast(false);
                gradients(m.network(), 28, 16);
            });
            return nchwRight ? t : new double[] {t[0], Double.POSITIVE_INFINITY};
        }
    }

    /**
     * Whether libtorch's input gradients of narrow convolutions (4, 8, 12 channels) in the given layout are right
     * here: five tries each, since the wrong NCHW ones came in about half of the calls on the CPU that showed them.
     */
    static boolean narrowRight(boolean channelsLast) {
        for (int channels : new int[] {4, 8, 12}) {
            for (int t = 0; t < 5; t++) {
                try {
                    narrowInputGradient(channels, channelsLast);
                } catch (IllegalStateException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The input gradient of a 3x3 convolution with {@code channels} in and out channels (batch 3, 28x28, fixed
     * weights) in the given layout against the one computed here in double precision. Narrow backbone stages run
     * channels-last because libtorch's NCHW gradient was wrong for them on one CPU ({@link ChannelsLast#forStage}),
     * so the channels-last one is checked against arithmetic, not against NCHW.
     */
    static void narrowInputGradient(int channels, boolean channelsLast) {
        int n = 3;
        int side = 28;
        SplittableRandom r = new SplittableRandom(channels);
        float[] x = gaussian(r, n * channels * side * side);
        float[] w = gaussian(r, channels * channels * 9);
        float[] gy = gaussian(r, n * channels * side * side);
        float[] got;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray input = m.create(x, new Shape(n, channels, side, side));
            if (channelsLast) {
                input = ChannelsLast.of(input);
            }
            input.setRequiresGradient(true);
            NDArray weight = m.create(w, new Shape(channels, channels, 3, 3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // An intermediate input, as inside a network (a leaf could take another path).
                NDArray y = input.mul(m.ones(new Shape(1)));
                y = Conv2d.conv2d(y, weight, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
                gc.backward(y.mul(m.create(gy, y.getShape())).sum());
            }
            got = input.getGradient().toFloatArray();
        }
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < channels; i++) {
                for (int yy = 0; yy < side; yy++) {
                    for (int xx = 0; xx < side; xx++) {
                        double want = 0;
                        for (int o = 0; o < channels; o++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int oy = yy - ky + 1;
                                    int ox = xx - kx + 1;
                                    if (oy >= 0 && oy < side && ox >= 0 && ox < side) {
                                        want += (double) w[((o * channels + i) * 3 + ky) * 3 + kx]
                                                * gy[((b * channels + o) * side + oy) * side + ox];
                                    }
                                }
                            }
                        }
                        float g = got[((b * channels + i) * side + yy) * side + xx];
                        if (!(Math.abs(g - want) <= 1e-4 * (1 + Math.abs(want)))) {
                            throw new IllegalStateException((channelsLast ? "channels-last" : "NCHW")
                                    + " convolution input gradient with " + channels + " channels is " + g
                                    + " instead of " + want);
                        }
                    }
                }
            }
        }
    }

    private static float[] gaussian(SplittableRandom r, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static void compareGradients(String preset, int side, int batch) {
        try (DiagnosisModel m = model(preset, 16)) {
            m.network().backbone().useChannelsLast(false);
            List<float[]> plain = gradients(m.network(), side, batch);
            m.network().backbone().useChannelsLast(true);
            List<float[]> cl = gradients(m.network(), side, batch);
            for (int p = 0; p < plain.size(); p++) {
                float[] a = plain.get(p);
                float[] b = cl.get(p);
                double scale = 0;
                for (float v : a) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < a.length; i++) {
                    if (!(Math.abs(a[i] - b[i]) <= 1e-3 * (1 + scale))) {
                        throw new IllegalStateException("channels-last gradient of parameter " + p + " of " + preset
                                + " at " + side + "x" + side + " is " + b[i] + " instead of " + a[i]);
                    }
                }
            }
        }
    }

    /** The gradient of every trainable parameter of sum(logits^2) over a fixed batch, forward in training mode. */
    private static List<float[]> gradients(DiagnosisNetwork net, int side, int batch) {
        NDManager base = net.getParameters().get(0).getValue().getArray().getManager();
        try (NDManager m = base.newSubManager()) {
            SplittableRandom r = new SplittableRandom(5);
            float[] x = new float[batch * side * side];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray input = m.create(x, new Shape(batch, 1, side, side));
            zeroGradients(net);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                DiagnosisOutput out = new DiagnosisOutput(net.forward(new ParameterStore(m, false), new NDList(input), true));
                gc.backward(out.logits().square().sum());
            }
            List<float[]> grads = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    grads.add(p.getValue().getArray().getGradient().toFloatArray());
                }
            }
            zeroGradients(net);
            return grads;
        }
    }

    private static void zeroGradients(DiagnosisNetwork net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
            }
        }
    }

    private static DiagnosisModel model(String preset, int width) {
        ModelConfig config = ModelPresets.create(preset, 18, width, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        return DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("kernel-probe", Map.of(), "", 1), 1);
    }
}
