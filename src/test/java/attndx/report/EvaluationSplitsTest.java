package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.data.Splitter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a split file, evaluation redoes the model's own split or refuses; it never tests on training patients. */
class EvaluationSplitsTest {
    private static final SplitRatios RATIOS = SplitRatios.defaults();
    private static final Dataset UNSPLIT = ReportFixtures.withoutSplits(ReportFixtures.phantom(40, 3));

    @TempDir
    Path tmp;

    private Path modelTrainedWithSeed(long seed) {
        Dataset trained = new Splitter(RATIOS, seed).assign(UNSPLIT);
        return ReportFixtures.saveModel(tmp.resolve("run-" + seed).resolve("model"),
                DatasetFingerprint.of(trained.split(Splits.TRAIN)), seed);
    }

    @Test
    void redoneSplitUsesTheTrainingSeedRecordedWithTheModel() {
        Path model = modelTrainedWithSeed(7);
        Dataset split = EvaluationSplits.assign(UNSPLIT, model, null, RATIOS, null);
        Dataset expected = new Splitter(RATIOS, 7).assign(UNSPLIT);
        assertEquals(DatasetFingerprint.of(expected.split(Splits.TEST)), DatasetFingerprint.of(split.split(Splits.TEST)));
    }

    @Test
    void aSplitThatIsNotTheModelsTrainingSplitIsRefused() {
        Path model = modelTrainedWithSeed(7);
        AttndxException e = assertThrows(AttndxException.class,
                () -> EvaluationSplits.assign(UNSPLIT, model, null, RATIOS, 1L));
        assertTrue(e.getMessage().contains("seed 1") && e.getMessage().contains("--splits"), e.getMessage());
        AttndxException ratios = assertThrows(AttndxException.class,
                () -> EvaluationSplits.assign(UNSPLIT, model, null, new SplitRatios(0.5, 0.25, 0.25), null));
        assertTrue(ratios.getMessage().contains("training split"), ratios.getMessage());
    }

    @Test
    void modelWithoutATrainingFingerprintIsRefused() {
        Path model = ReportFixtures.saveModel(tmp.resolve("bare/model"), "", 1);
        AttndxException e = assertThrows(AttndxException.class,
                () -> EvaluationSplits.assign(UNSPLIT, model, null, RATIOS, null));
        assertTrue(e.getMessage().contains("not recorded"), e.getMessage());
    }

    @Test
    void dataCarryingItsOwnSplitsKeepsThem() {
        Dataset split = ReportFixtures.phantom(40, 3);
        Path model = ReportFixtures.saveModel(tmp.resolve("other/model"), "", 1);
        assertSame(split, EvaluationSplits.assign(split, model, null, RATIOS, null));
    }

    @Test
    void theRunsSplitFileIsRead() {
        Path model = modelTrainedWithSeed(5);
        new Splitter(RATIOS, 9).split(UNSPLIT).writeCsv(model.getParent().resolve("splits.csv"));
        Dataset split = EvaluationSplits.assign(UNSPLIT, model, null, RATIOS, null);
        assertEquals(DatasetFingerprint.of(new Splitter(RATIOS, 9).assign(UNSPLIT).split(Splits.TEST)),
                DatasetFingerprint.of(split.split(Splits.TEST)), "splits.csv wins over a redone split");
    }
}
