package attndx.train;

import attndx.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Runs the same training with several seeds (seed section 7.5: "results averaged over multiple
 * random seeds"), each in {@code out/seed-N}, and summarises the selected epochs' validation AUC
 * and ECE as mean and sample standard deviation in {@code out/seeds-summary.json}.
 */
public final class SeedSweep {
    private SeedSweep() {}

    /**
     * The summary of a sweep.
     *
     * @param seeds the seeds, in run order
     * @param auc selected validation AUC per seed
     * @param ece selected validation ECE per seed
     * @param aucMean mean AUC
     * @param aucStd sample standard deviation of AUC (NaN for one seed)
     * @param eceMean mean ECE
     * @param eceStd sample standard deviation of ECE (NaN for one seed)
     * @param file where the summary was written
     */
    public record Summary(List<Long> seeds, double[] auc, double[] ece, double aucMean, double aucStd,
            double eceMean, double eceStd, Path file) {}

    /** Trains once per seed and writes the summary. */
    public static Summary run(Training.Request base, List<Long> seeds, ValidationScorer scorer, TrainingProgress progress) {
        double[] auc = new double[seeds.size()];
        double[] ece = new double[seeds.size()];
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            long s = seeds.get(i);
            Training.Request r = new Training.Request(base.train(), base.val(), base.model(), base.preprocessing(),
                    base.config().withSeed(s), base.outDir().resolve("seed-" + s));
            TrainingResult result = Training.start(r, scorer, progress);
            auc[i] = result.best().valAuc();
            ece[i] = result.best().valEce();
            done.add(s);
        }
        Path file = base.outDir().resolve("seeds-summary.json");
        Summary summary = new Summary(done, auc, ece, mean(auc), std(auc), mean(ece), std(ece), file);
        Json.write(file, summary);
        return summary;
    }

    static double mean(double[] v) {
        return StatUtils.mean(v);
    }

    /** Sample standard deviation (n - 1); NaN for fewer than two seeds, which have no spread. */
    static double std(double[] v) {
        return v.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(v);
    }
}
