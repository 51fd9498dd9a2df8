package attndx.bench;

import attndx.train.BatchOrder;
import attndx.train.LossConfig;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingData;
import attndx.train.TrainingStep;

import ai.djl.ndarray.NDManager;
import attndx.model.DiagnosisModel;
import java.util.function.Consumer;

/**
 * Training-speed benchmark of the full objective (seed Algorithm 1: a second forward pass on T(x)
 * when {@code lambda_con > 0}) against the same run without the consistency term, on the steps
 * the trainer really takes (augmentation, perturbation, objective, backward, Adam). Reports images
 * per second, the share of step time spent assembling batches outside the engine, and the wall
 * time of one epoch implied by the rate. {@link #budgetEpochs} sizes a time-budgeted training run
 * from such a measurement.
 */
public final class TrainingThroughput {
    /** Validation images cost about a third of a training image (one forward pass, no backward). */
    private static final double VALIDATION_COST = 1.0 / 3;

    private TrainingThroughput() {}

    /**
     * One timed variant.
     *
     * @param variant what was timed
     * @param steps timed steps (after the warm-up)
     * @param images images in the timed steps
     * @param seconds wall time of the timed steps
     * @param imagesPerSecond training images per second
     * @param dataShare fraction of the timed time spent assembling batches outside the engine
     * @param epochSeconds implied training time of one epoch over the whole training split
     */
    public record Measurement(String variant, int steps, int images, double seconds, double imagesPerSecond,
            double dataShare, double epochSeconds) {}

    /**
     * Both variants and their cost ratio.
     *
     * @param full the full objective (as configured)
     * @param noConsistency the same with {@code lambda_con = 0} (one forward pass per step)
     * @param costRatio full time per image over the time without consistency
     */
    public record Result(Measurement full, Measurement noConsistency, double costRatio) {}

    /** Times {@code steps} steps after {@code warmupSteps} untimed ones, for both variants of {@code request}. */
    public static Result measure(Training.Request request, int warmupSteps, int steps, Consumer<String> log) {
        if (warmupSteps < 0 || steps < 1) {
            throw new IllegalArgumentException("bench: warm-up steps must be >= 0 and steps >= 1, got " + warmupSteps
                    + " and " + steps);
        }
        LossConfig l = request.config().loss();
        LossConfig noCon = new LossConfig(l.lambdaSparse(), l.lambdaSmooth(), 0, l.lambdaSegmentation(),
                l.labelSmoothing(), l.focalGamma(), l.classReweighting(), l.lambdaMining());
        Measurement full = time("full objective", request, warmupSteps, steps);
        log.accept(format(full));
        Training.Request plain = new Training.Request(request.train(), request.val(), request.model(),
                request.preprocessing(), request.config().withLoss(noCon), request.outDir());
        Measurement without = time("lambda_con = 0", plain, warmupSteps, steps);
        log.accept(format(without));
        return new Result(full, without, without.imagesPerSecond() / full.imagesPerSecond());
    }

    /** One line per measurement. */
    public static String format(Measurement m) {
        return String.format(java.util.Locale.ROOT,
                "%-16s %4d steps, %6d images in %7.1f s: %7.1f img/s, %5.1f%% outside the engine, %6.1f s/epoch",
                m.variant(), m.steps(), m.images(), m.seconds(), m.imagesPerSecond(), 100 * m.dataShare(),
                m.epochSeconds());
    }

    /**
     * How many epochs of the full objective fit in {@code minutes}: each costs the measured training
     * time plus the validation pass over {@code valSize} images; at least 1.
     */
    public static int budgetEpochs(double minutes, Measurement full, int valSize) {
        double epoch = full.epochSeconds() + valSize * VALIDATION_COST / full.imagesPerSecond();
        return Math.max(1, (int) Math.floor(minutes * 60 / epoch));
    }

    private static Measurement time(String variant, Training.Request request, int warmupSteps, int steps) {
        Training.Plan plan = Training.plan(request);
        TrainConfig cfg = plan.spec().train();
        TrainingData data = plan.train();
        try (DiagnosisModel model = Training.newModel(plan.spec());
                NDManager run = model.model().getNDManager().newSubManager()) {
            TrainingStep step = TrainingStep.create(model, plan.spec(), data.classCounts(), run);
            int[][] batches = BatchOrder.of(data.size(), cfg.batchSize(), cfg.seed(), 1);
            long total = (long) (warmupSteps + steps);
            long start = 0;
            long dataNanos = 0;
            int images = 0;
            for (int i = 0; i < warmupSteps + steps; i++) {
                if (i == warmupSteps) {
                    start = System.nanoTime();
                }
                int epoch = 1 + i / batches.length;
                int b = i % batches.length;
                if (b == 0 && epoch > 1) {
                    batches = BatchOrder.of(data.size(), cfg.batchSize(), cfg.seed(), epoch);
                }
                TrainingStep.Result r = step.run(data, batches[b], epoch, b, i, total, null);
                if (i >= warmupSteps) {
                    dataNanos += r.dataNanos();
                    images += batches[b].length;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = images / seconds;
            return new Measurement(variant, steps, images, seconds, rate, dataNanos / 1e9 / seconds,
                    data.size() / rate);
        }
    }
}
