package attndx.explain;

import attndx.data.Dataset;
import attndx.data.InMemoryDataset;
import attndx.data.Label;
import attndx.data.Sample;
import attndx.model.DiagnosisModel;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import attndx.train.ValidationScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The model of Adebayo et al.'s label randomisation test: the audited model's architecture and preprocessing
 * trained, with the default training config, on the training split with its labels shuffled (a seeded
 * permutation, so the class balance is kept) for a short budget.
 */
final class LabelRandomisation {
    private LabelRandomisation() {}

    /** Trains the shuffled-label model into {@code runDir} and loads it (the caller closes it). */
    static DiagnosisModel train(DiagnosisModel audited, Dataset train, Dataset val, int epochs, long seed,
            ValidationScorer scorer, Path runDir) {
        TrainConfig cfg = TrainConfig.defaults(epochs, seed);
        TrainingResult r = Training.start(new Training.Request(shuffled(train, seed), shuffled(val, seed + 1),
                audited.config(), audited.metadata().preprocessing(), cfg, runDir), scorer, TrainingProgress.silent());
        return DiagnosisModel.load(r.modelDir());
    }

    static Dataset shuffled(Dataset d, long seed) {
        List<Label> labels = new ArrayList<>();
        d.samples().forEach(s -> labels.add(s.label()));
        Collections.shuffle(labels, new Random(seed));
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            Sample s = d.get(i);
            out.add(new Sample(s.id(), s.image(), labels.get(i), s.patientId(), s.mask(), s.boxes(), s.source(),
                    s.split()));
        }
        return new InMemoryDataset(d.info(), out);
    }
}
