package attndx.bench;

import attndx.model.ClassificationStep;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.ModelConfig.Stem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Throughput and memory of every preset (paper 9.5: attention heads should add little over the backbone):
 * inference forward and training step (softmax cross-entropy + Adam) in images/s, the median of timed
 * calls after warm-up, on random data; plus a soak of many training steps reporting resident memory, which
 * must stay flat (a growing RSS is a native leak). The soak uses the first setting. A benchmark, not a test:
 * numbers depend on the machine. On a machine shared with other busy processes, run it with
 * {@code OMP_NUM_THREADS=1}: PyTorch's OpenMP threads wait for each other at every op, and when one of them is
 * descheduled a ResNet-18 forward of one 28x28 image was seen to take 760 ms instead of 33 ms.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {}

    /** One input size with its batch size. */
    public record Setting(int size, int batch) {}

    /** What to measure. */
    public record Options(List<String> presets, int depth, int width, List<Setting> settings, int warmup,
            int iterations, int soakSteps, int soakWidth) {
        public Options {
            if (warmup < 0 || iterations < 1 || soakSteps < 0 || width < 4 || soakWidth < 4) {
                throw new IllegalArgumentException("benchmark needs warmup >= 0, iterations >= 1, soakSteps >= 0 and "
                        + "widths >= 4, got " + warmup + ", " + iterations + ", " + soakSteps + ", " + width + ", "
                        + soakWidth);
            }
            presets = List.copyOf(presets);
            settings = List.copyOf(settings);
        }
    }

    /** One preset at one setting; RSS values in KiB after its measurement. */
    public record Row(String preset, Setting setting, double forwardPerSecond, double trainPerSecond,
            OptionalLong rssKb, OptionalLong peakRssKb) {}

    /**
     * Memory during the soak: after {@code steps[i]} steps (counted after one untimed first step), the
     * resident set {@code rssKb[i]} and the JVM heap still in use after a full GC {@code heapKb[i]} (flat when
     * no Java objects leak; native tensors show only in the RSS).
     */
    public record Soak(String preset, int width, Setting setting, int[] steps, long[] rssKb, long[] heapKb,
            double trainPerSecond) {}

    /** All rows and the soak (null when soakSteps is 0). */
    public record Result(List<Row> rows, Soak soak) {}

    /** Runs the benchmark; {@code progress} receives one line per finished measurement. */
    public static Result run(Options o, Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        for (Setting s : o.settings()) {
            for (String preset : o.presets()) {
                Row row = measure(ModelPresets.create(preset, o.depth(), o.width(), Stem.SMALL_INPUT, 1, 2), s, o);
                progress.accept(String.format("%s %dx%d b%d: forward %.1f img/s, train %.1f img/s", preset, s.size(),
                        s.size(), s.batch(), row.forwardPerSecond(), row.trainPerSecond()));
                rows.add(row);
            }
        }
        Soak soak = o.soakSteps() == 0 ? null : soak(o, progress);
        return new Result(rows, soak);
    }

    private static DiagnosisModel model(ModelConfig config) {
        return DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("benchmark", Map.of(), "", 1), 1);
    }

    private static Row measure(ModelConfig config, Setting s, Options o) {
        float[] x = randomImages(s);
        float[] y = randomLabels(s.batch());
        Shape shape = new Shape(s.batch(), 1, s.size(), s.size());
        try (DiagnosisModel model = model(config); ClassificationStep step = new ClassificationStep(model,
                Tracker.fixed(1e-3f))) {
            double forward = median(o, () -> forward(model, x, shape));
            double train = median(o, () -> step.step(x, y, shape));
            return new Row(config.preset(), s, s.batch() / forward, s.batch() / train, MemoryStats.rssKb(),
                    MemoryStats.peakRssKb());
        }
    }

    private static void forward(DiagnosisModel model, float[] x, Shape shape) {
        try (NDManager batch = model.model().getNDManager().newSubManager()) {
            NDArray input = batch.create(x, shape);
            model.network().forward(new ParameterStore(batch, false), new NDList(input), false).head().toFloatArray();
        }
    }

    /** Median seconds per call after warm-up. */
    private static double median(Options o, Runnable call) {
        for (int i = 0; i < o.warmup(); i++) {
            call.run();
        }
        double[] t = new double[o.iterations()];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    private static Soak soak(Options o, Consumer<String> progress) {
        Setting s = o.settings().get(0);
        ModelConfig config = ModelPresets.create(ModelPresets.DEFAULT, o.depth(), o.soakWidth(), Stem.SMALL_INPUT, 1, 2);
        float[] x = randomImages(s);
        float[] y = randomLabels(s.batch());
        Shape shape = new Shape(s.batch(), 1, s.size(), s.size());
        int samples = 10;
        int[] steps = new int[samples + 1];
        long[] rss = new long[samples + 1];
        long[] heap = new long[samples + 1];
        try (DiagnosisModel model = model(config); ClassificationStep step = new ClassificationStep(model,
                Tracker.fixed(1e-3f))) {
            step.step(x, y, shape); // first step allocates optimiser state: measure from after it
            rss[0] = MemoryStats.requireRssKb();
            heap[0] = liveHeapKb();
            long start = System.nanoTime();
            for (int i = 1; i <= samples; i++) {
                steps[i] = (int) ((long) o.soakSteps() * i / samples);
                for (int k = steps[i - 1]; k < steps[i]; k++) {
                    step.step(x, y, shape);
                }
                rss[i] = MemoryStats.requireRssKb();
                heap[i] = liveHeapKb();
                progress.accept(String.format("soak step %d: RSS %d MiB (live JVM heap %d MiB)", steps[i],
                        rss[i] / 1024, heap[i] / 1024));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Soak(config.preset(), o.soakWidth(), s, steps, rss, heap, (double) o.soakSteps() * s.batch() / seconds);
        }
    }

    private static long liveHeapKb() {
        System.gc(); // sampled 11 times per soak: the pause is negligible next to the steps
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1024;
    }

    private static float[] randomImages(Setting s) {
        Random r = new Random(42);
        float[] x = new float[s.batch() * s.size() * s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] randomLabels(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        return y;
    }
}
