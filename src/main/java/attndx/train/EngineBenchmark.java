package attndx.train;

import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * One measurement: {@code kind} is "train", "infer" (AttnDx's inference path), "infer-djl-ops" (that
     * path on DJL's operators, to show what the blocked oneDNN kernels buy), "infer-bf16" (the opt-in
     * bfloat16 kernels, against the float32 reference) or "infer-plain" (the unfolded forward, to show what
     * folding buys); {@code reference} a model.py name or null.
     */
    public record Case(String kind, String preset, int size, int batch, String reference) {
        public Case {
            if (!List.of("train", "infer", "infer-djl-ops", "infer-bf16", "infer-plain").contains(kind)) {
                throw new IllegalArgumentException(
                        "case kind must be train, infer, infer-djl-ops, infer-bf16 or infer-plain, got " + kind);
            }
            if (size < 8 || batch < 1) {
                throw new IllegalArgumentException("case needs size >= 8 and batch >= 1, got " + size + ", " + batch);
            }
        }

        public String label() {
            return kind + " " + preset + " " + size + "x" + size + " b" + batch;
        }
    }

    /** The cases: training at 28x28 b64 and 64x64 b32, inference at 28x28 b64. */
    public static List<Case> defaultCases() {
        List<Case> cases = new ArrayList<>();
        for (int[] s : new int[][] {{28, 64}, {64, 32}}) {
            cases.add(new Case("train", "gap", s[0], s[1], "ResNet18"));
            cases.add(new Case("train", "attn-single", s[0], s[1], "AttnResNet18"));
            cases.add(new Case("train", "attn-multiscale", s[0], s[1], null));
        }
        cases.add(new Case("infer", "gap", 28, 64, "ResNet18"));
        cases.add(new Case("infer", "attn-single", 28, 64, "AttnResNet18"));
        cases.add(new Case("infer", "attn-multiscale", 28, 64, null));
        cases.add(new Case("infer-djl-ops", "gap", 28, 64, "ResNet18"));
        cases.add(new Case("infer-bf16", "gap", 28, 64, "ResNet18"));
        cases.add(new Case("infer-plain", "gap", 28, 64, "ResNet18"));
        return List.copyOf(cases);
    }

    /**
     * What to run.
     *
     * @param rounds alternating blocks per side
     * @param warmup untimed calls per side before the first block
     * @param reps timed calls per block
     * @param torchref the reference directory (with model.py), or null to run AttnDx alone
     * @param driver the reference driver script ({@code bench/torchref_driver.py})
     * @param profileDir where to write an operator profile of each case's AttnDx side ({@link OpProfile}), or
     *     null for none
     */
    public record Options(List<Case> cases, int rounds, int warmup, int reps, int threads, Path torchref,
            Path driver, Path profileDir) {
        public Options {
            if (rounds < 1 || warmup < 0 || reps < 1 || threads < 1) {
                throw new IllegalArgumentException("bench engine needs rounds >= 1, warmup >= 0, reps >= 1 and threads"
                        + " >= 1, got " + rounds + ", " + warmup + ", " + reps + ", " + threads);
            }
            cases = List.copyOf(cases);
        }
    }

    /**
     * One case: images/s of both sides (reference NaN when not run), of AttnDx's gap case (NaN if none), and
     * minor page faults per timed call of each side (a sign of the allocator returning memory to the OS).
     */
    public record Row(Case c, double attndx, double reference, double gap, double attndxFaults,
            double referenceFaults) {}

    /** Median seconds per call (NaN for a side not run) and page faults per call of each side. */
    private record Timing(double ours, double theirs, double gap, double ourFaults, double theirFaults) {}

    /** One side's block of timed calls in a round. */
    private interface Block {
        void run() throws IOException;
    }

    /**
     * {@code relative} resolved against the AttnDx checkout: the directory above {@code target/} holding the
     * running jar (or classes), else the working directory.
     */
    public static Path checkoutPath(String relative) {
        CodeSource source = EngineBenchmark.class.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                Path target = Path.of(source.getLocation().toURI()).getParent();
                if (target != null && target.getParent() != null && target.getFileName().toString().equals("target")) {
                    return target.getParent().resolve(relative).normalize();
                }
            } catch (URISyntaxException e) {
                // Not a file location: the working directory is the documented fallback.
            }
        }
        return Path.of(relative);
    }

    /** True when the reference can run here ({@code /usr/bin/python3 -c 'import torch'} works). */
    public static boolean referenceAvailable() {
        return ReferenceProcess.available();
    }

    /** Run {@code options}; {@code log} receives one line per finished case. */
    public static List<Row> run(Options o, Consumer<String> log) throws IOException {
        List<Row> rows = new ArrayList<>();
        ReferenceProcess ref = o.torchref() == null ? null : ReferenceProcess.start(o.driver(), o.torchref(), o.threads());
        try {
            for (Case c : o.cases()) {
                Timing t = measure(c, ref, o, log);
                Row row = new Row(c, c.batch() / t.ours(), c.batch() / t.theirs(), c.batch() / t.gap(), t.ourFaults(),
                        t.theirFaults());
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
    private static Timing measure(Case c, ReferenceProcess ref, Options o, Consumer<String> log) throws IOException {
        boolean withRef = ref != null && c.reference() != null;
        String refKind = c.kind().equals("train") ? "train" : "infer";
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        long[] faults = new long[2];
        try (EngineWorkload w = workload(c, c.preset());
                EngineWorkload gap = c.preset().equals("gap") ? null : workload(c, "gap")) {
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
        return new Timing(median(ours), medianOrNaN(theirs), medianOrNaN(gaps), (double) faults[0] / ours.size(),
                theirs.isEmpty() ? Double.NaN : (double) faults[1] / theirs.size());
    }

    private static EngineWorkload workload(Case c, String preset) {
        return new EngineWorkload(ModelPresets.create(preset, 18, 64, Stem.SMALL_INPUT, 1, 2), c.kind(), c.size(),
                c.batch());
    }

    /** {@code reps} timed calls of {@code w} into {@code seconds}; the minor page faults they caused. */
    private static long timed(EngineWorkload w, int reps, List<Double> seconds) {
        long faults = MinorFaults.count();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            w.call();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return MinorFaults.count() - faults;
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
        double[] t = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }
}
