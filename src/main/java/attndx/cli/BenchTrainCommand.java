package attndx.cli;

import attndx.core.Engines;
import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.LoadOptions;
import attndx.data.Preprocessing;
import attndx.data.Splits;
import attndx.metrics.TrainingValidation;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.AugmentConfig;
import attndx.train.ConsoleProgress;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.Precision;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingResult;
import attndx.bench.TrainingThroughput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attndx bench train}: training images/s with and without the consistency pass on the
 * PneumoniaMNIST train split, and optionally a time-budgeted training run reporting validation AUC.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Training throughput of the full objective vs lambda_con = 0 (ratio, s/epoch, share of time"
                + " outside the engine); with --minutes, a time-budgeted training run reporting val AUC.")
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data/pneumoniamnist/pneumoniamnist_trainval.npz",
            description = "Dataset with train and val splits (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--classes", split = ",", defaultValue = "normal,pneumonia",
            description = "Class names by index (default: ${DEFAULT-VALUE}).")
    List<String> classes;
    @Option(names = "--model", defaultValue = ModelPresets.DEFAULT, description = "Preset (default: ${DEFAULT-VALUE}).")
    String preset;
    @Option(names = "--depth", defaultValue = "18", description = "ResNet depth (default: ${DEFAULT-VALUE}).")
    int depth;
    @Option(names = "--width", defaultValue = "64", description = "Stage-1 channels (default: ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--batch-size", defaultValue = "16", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps per variant (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--steps", defaultValue = "50", description = "Timed steps per variant (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--minutes", defaultValue = "0",
            description = "Then train for about this many minutes and report val AUC; 0 = off (default: ${DEFAULT-VALUE}).")
    double minutes;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate of the budgeted run (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--schedule", defaultValue = "cosine,warmup=100",
            description = "Schedule of the budgeted run (default: ${DEFAULT-VALUE}).")
    String schedule;
    @Option(names = "--out", description = "Run directory of the budgeted run (default: a new temporary folder).")
    Path out;
    @Option(names = "--precision", defaultValue = "AUTO",
            description = "AUTO (mixed fp16 on a GPU, fp32 on CPU), FP32 or FP16 (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Engines.configure();
        PrintWriter w = spec.commandLine().getOut();
        Dataset all = DatasetLoader.load(data, new LoadOptions(null, null, classes, false, null)).dataset();
        ModelConfig model = ModelPresets.create(preset, depth, width, ModelConfig.Stem.SMALL_INPUT,
                all.info().channels(), all.info().numClasses());
        TrainConfig cfg = new TrainConfig(1, batchSize, lr, 1e-4, LearningRateSchedule.parse(schedule), 5, 0.5, seed,
                LossConfig.defaults(), AugmentConfig.defaults(seed), null, precision);
        Training.Request request = new Training.Request(all.split(Splits.TRAIN), all.split(Splits.VAL), model,
                new Preprocessing(Preprocessing.Normalisation.DATASET, 0.5f, 0.5f, 0, 0, 0f, 0f), cfg, runDir());
        w.printf(Locale.ROOT, "%s, depth %d, width %d, batch %d, %d threads; train %d, val %d images (%s)%n", preset,
                depth, width, batchSize, Runtime.getRuntime().availableProcessors(), request.train().size(),
                request.val().size(), data);
        w.flush();
        TrainingThroughput.Result r = TrainingThroughput.measure(request, warmup, steps, line -> {
            w.println(line);
            w.flush();
        });
        w.printf(Locale.ROOT, "cost of the consistency pass: %.2fx the time per image of lambda_con = 0%n", r.costRatio());
        if (minutes > 0) {
            int epochs = TrainingThroughput.budgetEpochs(minutes, r.full(), request.val().size());
            w.printf(Locale.ROOT, "budgeted run: %.1f min -> %d epochs, lr %s, schedule %s, the default objective, into %s%n",
                    minutes, epochs, lr, schedule, request.outDir());
            w.flush();
            long t0 = System.nanoTime();
            TrainingResult t = Training.start(withEpochs(request, epochs), new TrainingValidation(),
                    new ConsoleProgress(System.err));
            w.printf(Locale.ROOT, "val AUC %.4f (ECE %.4f, accuracy %.4f) at epoch %d of %d, %.1f min wall time%n",
                    t.best().valAuc(), t.best().valEce(), t.best().valAccuracy(), t.bestEpoch(), t.epochs().size(),
                    (System.nanoTime() - t0) / 6e10);
        }
        w.flush();
        return 0;
    }

    private static Training.Request withEpochs(Training.Request r, int epochs) {
        return new Training.Request(r.train(), r.val(), r.model(), r.preprocessing(), r.config().withEpochs(epochs),
                r.outDir());
    }

    private Path runDir() {
        try {
            return out != null ? out : Files.createTempDirectory("attndx-bench-train");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary run directory", e);
        }
    }
}
