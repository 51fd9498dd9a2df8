package attndx.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.data.Box;
import attndx.data.Dataset;
import attndx.data.ImageTensor;
import attndx.data.InMemoryDataset;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomItem;
import attndx.data.PhantomResult;
import attndx.data.Preprocessing;
import attndx.data.Sample;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import attndx.explain.eval.RankStatistics;
import attndx.train.ValidationScorer;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.Precision;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcut stress test on phantom data (seed 9.3): a small model trained with the marker at full strength
 * (present exactly on lesion images) is flagged, with the marker moved from the generator's top-left corner to
 * the bottom-right corner and to the middle of the top edge; one trained without the marker is not.
 */
class ShortcutOnPhantomTest {
    static final int SIZE = 32;

    static {
        Engines.configure();
    }

    /** Selection by validation AUC of the logit difference (the metrics package sits above explain). */
    static final ValidationScorer AUC = (task, logits, labels, multiHot) -> {
        double[] s = new double[logits.length];
        boolean[] pos = new boolean[logits.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = logits[i][1] - logits[i][0];
            pos[i] = labels[i] == 1;
        }
        return new ValidationScorer.ValidationScore(RankStatistics.auc(s, pos), 0, 0);
    };

    @TempDir
    Path tmp;

    /** The phantom with the marker's pixels moved by (dy, dx), or without a marker when {@code marker} is false. */
    static Dataset phantom(boolean marker, int dy, int dx) {
        PhantomConfig clean = new PhantomConfig(200, SIZE, 9, 0.5, 1, 1, 8, 0.02, new SplitRatios(0.6, 0.0, 0.4), null,
                null, null);
        PhantomResult plain = Phantom.render(clean);
        if (!marker) {
            return plain.dataset();
        }
        PhantomResult marked = Phantom.render(clean.withArtifacts(new PhantomConfig.Shortcut(1, 1, 1), null));
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < plain.dataset().size(); i++) {
            Sample s = plain.dataset().get(i);
            PhantomItem item = marked.items().get(i);
            float[] px = s.image().data().clone();
            if (item.hasMarker()) {
                float[] m = marked.dataset().get(i).image().data();
                Box b = item.marker();
                for (int y = b.y0(); y < b.y1(); y++) {
                    for (int x = b.x0(); x < b.x1(); x++) {
                        int from = y * SIZE + x;
                        int to = (y + dy) * SIZE + x + dx;
                        px[to] = Math.min(1f, px[to] + m[from] - s.image().data()[from]);
                    }
                }
            }
            out.add(s.withImage(new ImageTensor(1, SIZE, SIZE, px), s.mask(), s.boxes()));
        }
        return new InMemoryDataset(plain.dataset().info(), out);
    }

    private boolean flagged(Dataset data, String name) {
        ModelConfig model = ModelPresets.create("gap", 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        TrainConfig cfg = new TrainConfig(4, 16, 3e-3, 1e-4, LearningRateSchedule.constant(), 5, 0.5, 1,
                LossConfig.defaults(), null, null, Precision.AUTO);
        // The test split doubles as validation: only the audit's verdict is under test here.
        TrainingResult r = Training.start(new Training.Request(data.split(Splits.TRAIN), data.split(Splits.TEST), model,
                new Preprocessing(Preprocessing.Normalisation.DATASET, 0.5f, 0.5f, 0, 0, 0f, 0f), cfg,
                tmp.resolve(name)), AUC, TrainingProgress.silent());
        AuditConfig audit = new AuditConfig(List.of(Methods.GRADCAM), List.of(AuditConfig.SHORTCUT), "predicted", 1000,
                MethodOptions.defaults(), FaithfulnessConfig.defaults(), LocalisationConfig.defaults(), 0,
                SanityConfig.defaults(), ShortcutConfig.defaults(), 0);
        AuditReport a = AuditRun.run(new AuditRun.Request(r.modelDir(), data.split(Splits.TEST), Splits.TEST, null, null,
                null, audit, null, tmp.resolve(name + "-audit"), AuditProgress.silent()));
        System.out.println(name + ": " + a.shortcut().reason());
        return a.shortcut().flagged();
    }

    @Test
    void markerModelsAreFlaggedWhereverTheMarkerSitsAndTheCleanModelIsNot() {
        assertFalse(flagged(phantom(false, 0, 0), "clean"));
        // The generator's marker sits in the top-left corner; move it to the bottom-right and to the top edge's middle.
        assertTrue(flagged(phantom(true, SIZE - 9, SIZE - 9), "bottom-right"));
        assertTrue(flagged(phantom(true, 0, SIZE / 2 - 4), "top-middle"));
    }
}
