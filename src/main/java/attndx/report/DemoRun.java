package attndx.report;

import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.LoadOptions;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.Preprocessing;
import attndx.data.Splits;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.TrainingValidation;
import attndx.kernels.KernelSelection;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.AugmentConfig;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.Precision;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The one-command demo on built-in data: generates the phantom benchmark (exact lesion masks),
 * trains the paper's attention model on it with the full objective, and evaluates it on the
 * held-out patients with calibration fitted on validation. Sized to finish in minutes on 2 CPU cores.
 */
public final class DemoRun {
    private DemoRun() {}

    /**
     * Demo settings.
     *
     * @param out output folder (phantom/, run/, run/evaluation-test/)
     * @param count phantom images
     * @param size phantom image side
     * @param width backbone stage-1 width
     * @param epochs training epochs
     * @param seed seed of everything
     */
    public record Settings(Path out, int count, int size, int width, int epochs, long seed) {}

    /**
     * What the demo produced.
     *
     * @param dataDir the phantom dataset folder
     * @param training the training result
     * @param evaluation the evaluation result
     */
    public record Result(Path dataDir, TrainingResult training, EvaluationRun.Result evaluation) {}

    /** Runs the three steps. */
    public static Result run(Settings s, TrainingProgress progress) {
        Path dataDir = s.out().resolve("phantom");
        PhantomWriter.write(Phantom.render(PhantomConfig.defaults().withCount(s.count(), s.seed()).withSize(s.size())),
                dataDir);
        Dataset data = DatasetLoader.load(dataDir, LoadOptions.defaults()).dataset();
        ModelConfig model = ModelPresets.create(ModelPresets.DEFAULT, 18, s.width(), ModelConfig.Stem.SMALL_INPUT,
                data.info().channels(), data.info().numClasses());
        // A higher rate than the paper's 1e-4 with cosine decay: the demo must converge in few epochs.
        TrainConfig cfg = new TrainConfig(s.epochs(), 16, 2e-3, 1e-4, LearningRateSchedule.parse("cosine"),
                s.epochs(), 0.5, s.seed(), LossConfig.defaults(), AugmentConfig.defaults(s.seed()), null,
                Precision.AUTO);
        Path runDir = s.out().resolve("run");
        TrainingResult trained = Training.start(new Training.Request(data.split(Splits.TRAIN), data.split(Splits.VAL),
                model, Preprocessing.defaults(), cfg, runDir), new TrainingValidation(), progress);
        EvaluationConfig eval = EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(1000, 0.95, s.seed()));
        EvaluationRun.Result evaluated = EvaluationRun.run(new EvaluationRun.Request(trained.modelDir(), data,
                Splits.TEST, Splits.VAL, eval, 0.05, List.of(0.0, 0.5, 1.0), 0, KernelSelection.current().inference(),
                runDir.resolve("evaluation-test")));
        return new Result(dataDir, trained, evaluated);
    }
}
