package attndx.bench;

import attndx.metrics.Bootstrap;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.DiagnosticMetrics;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.PatientGroups;
import attndx.metrics.RankedScores;
import attndx.metrics.RocAuc;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times AUC and patient-level bootstrap batches on synthetic binary predictions (two images per
 * patient, positives scoring higher on average), for the {@code attndx bench metrics} command.
 */
public final class MetricsThroughput {
    private MetricsThroughput() {}

    /**
     * Timings in milliseconds, each the median of {@code repeats} runs.
     *
     * @param images predictions
     * @param patients bootstrap units
     * @param batch resamples per bootstrap batch
     * @param aucMillis one exact AUC including the sort
     * @param bootstrapAucMillis one batch of AUC-only resamples (scores ranked once)
     * @param bootstrapAllMillis one batch of resamples of all binary metrics (AUC, operating points,
     *     threshold metrics, accuracy)
     */
    public record Timings(int images, int patients, int batch, double aucMillis, double bootstrapAucMillis,
            double bootstrapAllMillis) {
    }

    /** Runs the benchmark on {@code n} synthetic predictions. */
    public static Timings run(int n, int batch, int repeats, long seed) {
        if (n < 2 || batch < 1 || repeats < 1) {
            throw new IllegalArgumentException("need n >= 2, batch >= 1, repeats >= 1; found n=" + n + ", batch="
                    + batch + ", repeats=" + repeats);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] scores = new double[n];
        boolean[] truth = new boolean[n];
        String[] patients = new String[n];
        double[][] prob = new double[n][];
        boolean[][] target = new boolean[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = rng.nextDouble() < 0.3;
            scores[i] = 1 / (1 + Math.exp(-(rng.nextGaussian() + (truth[i] ? 1.5 : 0))));
            patients[i] = "p" + i / 2;
            prob[i] = new double[] {1 - scores[i], scores[i]};
            target[i] = new boolean[] {!truth[i], truth[i]};
        }
        PatientGroups groups = PatientGroups.of(patients, n);
        BootstrapConfig boot = new BootstrapConfig(batch, 0.95, seed);
        double auc = median(repeats, () -> RocAuc.auc(scores, truth));
        RankedScores ranked = RankedScores.of(scores, truth);
        double bootAuc = median(repeats, () -> Bootstrap.estimate(groups, boot, 1, w -> new double[] {ranked.auc(w)}));
        EvaluationConfig cfg = EvaluationConfig.defaults().withBootstrap(boot);
        double bootAll = median(repeats, () -> DiagnosticMetrics.evaluate(TaskType.BINARY, prob, target,
                List.of("negative", "positive"), groups, cfg, new ArrayList<>()));
        return new Timings(n, groups.patients(), batch, auc, bootAuc, bootAll);
    }

    private static double median(int repeats, java.util.function.Supplier<?> work) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            work.get();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
