package attndx.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.Dataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole trainer learns: on 300 phantom images (lesions are bright ellipses inside the lungs) a
 * width-8 attention model trained with the full objective for a few epochs lowers its training
 * loss and separates lesion from normal images of patients it never saw (validation split).
 */
class LearningOnPhantomTest {
    @TempDir
    Path tmp;

    @Test
    void fullObjectiveLowersTrainingLossAndBeatsChanceOnValidation() {
        Dataset data = TrainFixtures.phantom(300, 11);
        // 8 epochs (about 90 steps): the validation AUC passes 0.9 at epoch 4 and reaches 0.99 at epoch 6. (The
        // runs that once fell short at random read freed memory in the backward: see Scalars.)
        TrainingResult r = TrainFixtures.train(TrainFixtures.request(data, TrainFixtures.config(8, 3, 3e-3), tmp));
        double first = r.epochs().get(0).loss().get("cls");
        double last = r.epochs().get(r.epochs().size() - 1).loss().get("cls");
        assertTrue(last < first, "training cls loss went from " + first + " to " + last);
        assertTrue(r.best().valAuc() > 0.75, "best validation AUC " + r.best().valAuc());
    }
}
