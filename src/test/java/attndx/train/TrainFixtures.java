package attndx.train;

import attndx.core.Engines;
import attndx.data.Dataset;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.metrics.TrainingValidation;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.nio.file.Path;

/** Tiny phantom data, a width-8 attention model and short configs shared by the trainer tests. */
final class TrainFixtures {
    static final int SIZE = 32;

    static {
        Engines.configure();
    }

    private TrainFixtures() {}

    /** {@code count} phantom images of 32 x 32, patients split 60 / 40 / 0 into train and val. */
    static Dataset phantom(int count, long seed) {
        return Phantom.generate(new PhantomConfig(count, SIZE, seed, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.6, 0.4, 0.0), null, null, null));
    }

    /** attn-multiscale on a width-8 ResNet-18 with the small-input stem, one channel, two classes. */
    static ModelConfig tinyModel() {
        return ModelPresets.create("attn-multiscale", 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
    }

    /** Dataset-statistics normalisation at the input size. */
    static Preprocessing preprocessing() {
        return new Preprocessing(Preprocessing.Normalisation.DATASET, 0.5f, 0.5f, 0, 0, 0f, 0f);
    }

    /** The Table 1 objective with default augmentation, batch 16, constant rate {@code lr}. */
    static TrainConfig config(int epochs, long seed, double lr) {
        return new TrainConfig(epochs, 16, lr, 1e-4, LearningRateSchedule.constant(), 5, 0.5, seed,
                LossConfig.defaults(), AugmentConfig.defaults(seed), null, Precision.AUTO);
    }

    /** A request on the train and val splits of {@code data}. */
    static Training.Request request(Dataset data, TrainConfig cfg, Path out) {
        return new Training.Request(data.split(Splits.TRAIN), data.split(Splits.VAL), tinyModel(), preprocessing(),
                cfg, out);
    }

    /** Trains {@code r} silently with the project's validation scorer. */
    static TrainingResult train(Training.Request r) {
        return Training.start(r, new TrainingValidation(), TrainingProgress.silent());
    }
}
