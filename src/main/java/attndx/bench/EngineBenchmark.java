package attndx.bench;

import attndx.model.ModelConfig;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * AttnDx against the PyTorch eager reference ({@code shared/bench/torchref}) on this machine, in one
 * run: for every case, blocks of timed AttnDx calls and blocks of timed reference calls alternate
 * (A B, B A, ...) so drift of a shared or virtualised CPU favours neither side. Throughput is batch /
 * median seconds per call. Every case of a preset other than {@code gap} also times AttnDx's {@code gap}
 * preset of the same kind and setting in the same alternation, so "vs gap" compares blocks run side by
 * side, not cases run minutes apart. A benchmark, not a test.
 */
public final class EngineBenchmark {
    private static final int PROFILED_CALLS = 3;

    private EngineBenchmark() {}

    /** Steps of the {@link EngineKind#DELETION} case's curves (the reference's). */
    public static final int DELETION_STEPS = 20;

    /** One measurement: {@code reference} is a model.py name, or null to time AttnDx alone. */
    public record Case(EngineKind kind, String preset, int size, int batch, String reference) {
        public Case {
            if (kind == null) {
                throw new IllegalArgumentException("case kind must be one of " + Arrays.toString(EngineKind.values()));
            }
            if (size < 8 || batch < 1) {
                throw new IllegalArgumentException("case needs size >= 8 and batch >= 1, got " + size + ", " + batch);
            }
        }

        public String label() {
            return kind.label() + " " + preset + " " + size + "x" + size + " b" + batch;
        }
    }

    /** AttnDx's side of one case: a timed call, repeated; closed after the case. */
    public interface Workload extends AutoCloseable {
        /** One timed call. */
        void call();

        @Override
        void close();
    }

    /** Builds AttnDx's side of a case for a model of the given config. */
    @FunctionalInterface
    public interface WorkloadFactory {
        Workload create(ModelConfig config, Case c);
    }

    /** The factory of this package's kinds: training and inference ({@link EngineWorkload}). */
    public static WorkloadFactory trainingAndInference() {
        return EngineWorkload::new;
    }

    /**
     * The cases: training at 28x28 b64 and 64x64 b32; inference, Grad-CAM and deletion at 28x28 b64;
     * then the inference variants.
     */
    public static List<Case> defaultCases() {
        List<Case> cases = new ArrayList<>();
        for (int[] s : new int[][] {{28, 64}, {64, 32}}) {
            cases.add(new Case(EngineKind.TRAIN, "gap", s[0], s[1], "ResNet18"));
            cases.add(new Case(EngineKind.TRAIN, "attn-single", s[0], s[1], "AttnResNet18"));
            cases.add(new Case(EngineKind.TRAIN, "attn-multiscale", s[0], s[1], null));
        }
        for (EngineKind k : List.of(EngineKind.INFER, EngineKind.GRADCAM, EngineKind.DELETION)) {
            cases.add(new Case(k, "gap", 28, 64, "ResNet18"));
            cases.add(new Case(k, "attn-single", 28, 64, "AttnResNet18"));
            cases.add(new Case(k, "attn-multiscale", 28, 64, null));
        }
        cases.add(new Case(EngineKind.TRAIN_PLAIN, "gap", 28, 64, "ResNet18"));
        cases.add(new Case(EngineKind.TRAIN_PLAIN, "gap", 64, 32, "ResNet18"));
        cases.add(new Case(EngineKind.INFER_DJL_OPS, "gap", 28, 64, "ResNet18"));
        cases.add(new Case(EngineKind.INFER_BF16, "gap", 28, 64, "ResNet18"));
        cases.add(new Case(EngineKind.INFER_PLAIN, "gap", 28, 64, "ResNet18"));
        return List.copyOf(cases);
    }

    /**
     * What to run.
     *
     * @param rounds alternating blocks per side
     * @param jvmWarmupSeconds untimed seconds of small models before the first case ({@link #warmUpJvm})
     * @param warmup untimed calls per side before the first block
     * @param reps timed calls per block
     * @param torchref the reference directory (with model.py), or null to run AttnDx alone
     * @param driver the reference driver script ({@code bench/torchref_driver.py})
     * @param profileDir where to write an operator profile of each case's AttnDx side ({@link OpProfile}), or
     *     null for none
     */
    public record Options(List<Case> cases, int rounds, double jvmWarmupSeconds, int warmup, int reps, int threads,
            Path torchref, Path driver, Path profileDir) {
        public Options {
            atLeast("rounds", rounds, 1);
            atLeast("jvm-warmup", jvmWarmupSeconds, 0);
            atLeast("warmup", warmup, 0);
            atLeast("reps", reps, 1);
            atLeast("threads", threads, 1);
            cases = List.copyOf(cases);
        }

        private static void atLeast(String option, double value, double min) {
            if (!(value >= min)) {
                throw new IllegalArgumentException("bench engine --" + option + " must be >= " + (long) min + ", got "
                        + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)));
            }
        }
    }

    /**
     * One case: images/s of both sides (reference NaN when not run), of AttnDx's gap case (NaN if none), minor
     * page faults per timed call of each side (a sign of the allocator returning memory to the OS), and the 95%
     * bootstrap interval of the ratio AttnDx / reference (NaN bounds without the reference).
     */
    public record Row(Case c, double attndx, double reference, double gap, double attndxFaults,
            double referenceFaults, RatioInterval ratio) {}

    /**
     * Median seconds per call (NaN for a side not run), page faults per call of each side, and the ratio's
     * interval.
     */
    private record Timing(double ours, double theirs, double gap, double ourFaults, double theirFaults,
            RatioInterval ratio) {}

    /** One side's block of timed calls in a round. */
    private interface Block {
        void run() throws IOException;
    }

    /**
     * Run {@code options}, AttnDx's side of each case from {@code workloads}; {@code log} receives one line per
     * finished case.
     */
    public static List<Row> run(Options o, WorkloadFactory workloads, Consumer<String> log) throws IOException {
        List<Row> rows = new ArrayList<>();
        warmUpJvm(o.cases(), workloads, o.jvmWarmupSeconds(), log);
        ReferenceProcess ref = o.torchref() == null ? null : ReferenceProcess.start(o.driver(), o.torchref(), o.threads());
        try {
            for (Case c : o.cases()) {
                Timing t = measure(c, ref, o, workloads, log);
                Row row = new Row(c, c.batch() / t.ours(), c.batch() / t.theirs(), c.batch() / t.gap(), t.ourFaults(),
                        t.theirFaults(), t.ratio());
                log.accept(String.format(java.util.Locale.ROOT, "%-32s AttnDx %7.1f img/s, reference %7.1f img/s",
                        c.label(), row.attndx(), row.reference()));
                rows.add(row);
            }
        } finally {
            if (ref != null) {
                ref.close();
            }
        }
        return rows;
    }

    /**
     * Median seconds per call of AttnDx, of the reference and of AttnDx's gap preset (NaN when not run), their
     * blocks rotating through the rounds; then, when asked, an operator profile of {@value #PROFILED_CALLS}
     * more AttnDx calls, its top operators logged.
     */
    private static Timing measure(Case c, ReferenceProcess ref, Options o, WorkloadFactory workloads,
            Consumer<String> log) throws IOException {
        boolean withRef = ref != null && c.reference() != null;
        String refKind = c.kind().referenceKind();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        double[] faults = new double[2];
        try (Workload w = workload(workloads, c, c.preset());
                Workload gap = c.preset().equals("gap") ? null : workload(workloads, c, "gap")) {
            for (int i = 0; i < o.warmup(); i++) {
                w.call();
                if (gap != null) {
                    gap.call();
                }
            }
            if (withRef) {
                ref.time(refKind, c.reference(), c.size(), c.batch(), o.warmup(), 0);
            }
            List<Block> blocks = new ArrayList<>();
            blocks.add(() -> faults[0] += timed(w, o.reps(), ours));
            if (gap != null) {
                blocks.add(() -> timed(gap, o.reps(), gaps));
            }
            if (withRef) {
                blocks.add(() -> faults[1] += add(theirs, ref.time(refKind, c.reference(), c.size(), c.batch(), 0,
                        o.reps())));
            }
            for (int r = 0; r < o.rounds(); r++) {
                for (int b = 0; b < blocks.size(); b++) {
                    blocks.get((b + r) % blocks.size()).run();
                }
            }
            if (o.profileDir() != null) {
                Path trace = o.profileDir().resolve(c.label().replace(' ', '_') + ".json");
                List<OpProfile.Op> ops = OpProfile.record(w::call, PROFILED_CALLS, trace);
                log.accept("profile of " + c.label() + " (trace " + trace + "):\n" + OpProfile.format(ops, 10));
            }
        }
        return new Timing(median(ours), medianOrNaN(theirs), medianOrNaN(gaps), faults[0] / ours.size(),
                theirs.isEmpty() ? Double.NaN : faults[1] / theirs.size(),
                RatioInterval.of(unboxed(ours), unboxed(theirs), 0.95));
    }

    private static Workload workload(WorkloadFactory workloads, Case c, String preset) {
        return workloads.create(ModelPresets.create(preset, 18, 64, Stem.SMALL_INPUT, 1, 2), c);
    }

    /**
     * Untimed calls of width-16 models, one per case kind among {@code cases}, for about {@code seconds} in
     * all, before anything is timed. The JVM compiles AttnDx's and DJL's Java code (a few hundred engine calls
     * per training step) during the first few dozen calls of a fresh process, and a compilation running beside
     * libtorch's threads slowed single training steps by 40% (28x28 b64: 1,176 ms against 830-860); the first
     * case was timed during it. Small models run the same Java code at a fraction of the cost (15 s: 164
     * training steps; afterwards no such step). The reference, CPython, compiles nothing.
     */
    static void warmUpJvm(List<Case> cases, WorkloadFactory workloads, double seconds, Consumer<String> log) {
        List<Case> kinds = new ArrayList<>();
        for (Case c : cases) {
            if (kinds.stream().noneMatch(k -> k.kind() == c.kind())) {
                kinds.add(c);
            }
        }
        if (kinds.isEmpty() || seconds <= 0) {
            return;
        }
        int calls = 0;
        long start = System.nanoTime();
        for (int i = 0; i < kinds.size(); i++) {
            Case c = kinds.get(i);
            long until = start + (long) (seconds * 1e9 * (i + 1) / kinds.size());
            try (Workload w = workloads.create(ModelPresets.create("gap", 18, 16, Stem.SMALL_INPUT, 1, 2), c)) {
                do {
                    w.call();
                    calls++;
                } while (System.nanoTime() < until);
            }
        }
        log.accept(String.format(java.util.Locale.ROOT, "JVM warm-up: %d untimed calls of width-16 models in %.1f s",
                calls, (System.nanoTime() - start) / 1e9));
    }

    /**
     * {@code reps} timed calls of {@code w} into {@code seconds}; the minor page faults they caused (NaN
     * where they cannot be counted).
     */
    private static double timed(Workload w, int reps, List<Double> seconds) {
        OptionalLong faults = MinorFaults.count();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            w.call();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        OptionalLong after = MinorFaults.count();
        return faults.isPresent() && after.isPresent() ? after.getAsLong() - faults.getAsLong() : Double.NaN;
    }

    private static double medianOrNaN(List<Double> values) {
        return values.isEmpty() ? Double.NaN : median(values);
    }

    private static long add(List<Double> into, ReferenceProcess.Block block) {
        for (double v : block.seconds()) {
            into.add(v);
        }
        return block.minorFaults();
    }

    static double median(List<Double> values) {
        return RatioInterval.median(unboxed(values));
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
