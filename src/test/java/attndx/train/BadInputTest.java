package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.ImageTensor;
import attndx.data.InMemoryDataset;
import attndx.data.Label;
import attndx.data.Preprocessing;
import attndx.data.Sample;
import attndx.data.Splits;
import attndx.metrics.TrainingValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Input a trainer cannot use is refused with a message saying what is wrong and where. */
class BadInputTest {
    private static final Dataset DATA = TrainFixtures.phantom(80, 3);

    @TempDir
    Path tmp;

    private static String message(Executable run) {
        return assertThrows(AttndxException.class, run).getMessage();
    }

    private Training.Request request(Dataset train, Dataset val) {
        return new Training.Request(train, val, TrainFixtures.tinyModel(), TrainFixtures.preprocessing(),
                TrainFixtures.config(1, 1, 3e-3), tmp.resolve("run"));
    }

    @Test
    void anEmptySplitIsNamed() {
        String m = message(() -> TrainFixtures.train(request(DATA.split(Splits.TRAIN), DATA.split(Splits.TEST))));
        assertTrue(m.contains("the validation split of dataset phantom") && m.contains("is empty"), m);
        m = message(() -> TrainFixtures.train(request(DATA.split(Splits.TEST), DATA.split(Splits.VAL))));
        assertTrue(m.contains("the training split of dataset phantom") && m.contains("is empty"), m);
    }

    @Test
    void aSingleClassTrainingSetIsRefused() {
        Dataset normals = DATA.split(Splits.TRAIN).filter(s -> s.label().index() == 0);
        String m = message(() -> TrainFixtures.train(request(normals, DATA.split(Splits.VAL))));
        assertTrue(m.contains("the training split has a single class (normal=" + normals.size() + ")"), m);
    }

    @Test
    void aLabelOutsideTheDeclaredClassesNamesTheSample() {
        List<Sample> samples = new ArrayList<>(DATA.split(Splits.TRAIN).samples());
        Sample s = samples.get(3);
        samples.set(3, new Sample(s.id(), s.image(), Label.of(2), s.patientId(), s.mask(), s.boxes(), s.source(),
                s.split()));
        Dataset bad = new InMemoryDataset(DATA.info(), samples);
        String m = message(() -> TrainFixtures.train(request(bad, DATA.split(Splits.VAL))));
        assertTrue(m.contains("sample " + s.id() + " (" + s.source() + ") has label 2, outside the 2 declared classes"),
                m);
    }

    @Test
    void aNonFiniteLossStopsNamingEpochAndTermAndKeepsTheLastGoodCheckpoint() throws IOException {
        // 33 images in batches of 16: each epoch leaves one image out. The NaN image is the one epoch 1
        // leaves out, so epoch 1 completes and is checkpointed, and epoch 2 meets it.
        List<Sample> samples = new ArrayList<>(DATA.split(Splits.TRAIN).samples().subList(0, 33));
        int[][] epoch1 = BatchOrder.of(33, 16, 1, 1);
        int nan = missing(epoch1, 33);
        assertTrue(Arrays.stream(BatchOrder.of(33, 16, 1, 2)).flatMapToInt(Arrays::stream).anyMatch(i -> i == nan),
                "precondition: epoch 2 uses the image epoch 1 leaves out");
        Sample s = samples.get(nan);
        float[] pixels = s.image().data().clone();
        pixels[100] = Float.NaN;
        samples.set(nan, s.withImage(new ImageTensor(1, TrainFixtures.SIZE, TrainFixtures.SIZE, pixels), s.mask(),
                s.boxes()));
        // DATASET statistics would already be NaN; plain [0,1] inputs let the NaN reach the loss
        Training.Request r = new Training.Request(new InMemoryDataset(DATA.info(), samples), DATA.split(Splits.VAL),
                TrainFixtures.tinyModel(), new Preprocessing(Preprocessing.Normalisation.NONE, 0.5f, 0.5f, 0, 0, 0, 0),
                TrainFixtures.config(2, 1, 3e-3).withLoss(LossConfig.crossEntropyOnly()), tmp.resolve("run"));
        String m = message(() -> TrainFixtures.train(r));
        assertTrue(m.startsWith("training stopped: loss term 'cls' is NaN in epoch 2, batch "), m);
        assertTrue(m.contains("the last good checkpoint (epoch 1) is kept in " + tmp.resolve("run/checkpoints")), m);
        assertEquals(1, new CheckpointStore(r.outDir()).latestEpoch());
        assertEquals(1, Files.readAllLines(r.outDir().resolve(RunFiles.LOG)).size());
    }

    private static int missing(int[][] batches, int size) {
        boolean[] seen = new boolean[size];
        Arrays.stream(batches).flatMapToInt(Arrays::stream).forEach(i -> seen[i] = true);
        for (int i = 0; i < size; i++) {
            if (!seen[i]) {
                return i;
            }
        }
        throw new IllegalStateException("every image is used");
    }

    @Test
    void aRunDirectoryIsResumedOnlyWithItsOwnConfigAndData() {
        Training.Request r = request(DATA.split(Splits.TRAIN), DATA.split(Splits.VAL));
        TrainFixtures.train(r);
        String m = message(() -> TrainFixtures.train(r));
        assertTrue(m.contains("already holds a run (config.json); use --resume"), m);

        Training.Request otherConfig = new Training.Request(r.train(), r.val(), r.model(), r.preprocessing(),
                r.config().withRate(1e-3, LearningRateSchedule.constant()), r.outDir());
        m = message(() -> Training.resume(otherConfig, new TrainingValidation(), TrainingProgress.silent()));
        assertTrue(m.contains("the request differs from its config.json at train.learningRate: saved 0.003,"
                + " requested 0.001"), m);

        Dataset other = TrainFixtures.phantom(80, 4);
        Training.Request otherData = new Training.Request(other.split(Splits.TRAIN), other.split(Splits.VAL),
                r.model(), r.preprocessing(), r.config(), r.outDir());
        m = message(() -> Training.resume(otherData, new TrainingValidation(), TrainingProgress.silent()));
        assertTrue(m.contains("at the data fingerprints (other data)"), m);

        Training.Request elsewhere = new Training.Request(r.train(), r.val(), r.model(), r.preprocessing(),
                r.config(), tmp.resolve("nothing-here"));
        m = message(() -> Training.resume(elsewhere, new TrainingValidation(), TrainingProgress.silent()));
        assertTrue(m.contains("nothing-here: it holds no run (config.json is missing)"), m);
        assertFalse(Files.exists(tmp.resolve("nothing-here/checkpoints")));
    }
}
