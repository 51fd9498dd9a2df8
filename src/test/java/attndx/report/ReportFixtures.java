package attndx.report;

import attndx.core.Engines;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.InMemoryDataset;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.nio.file.Path;
import java.util.Map;

/** Small phantom data and an untrained width-8 model saved to a folder, for the evaluation tests. */
final class ReportFixtures {
    static {
        Engines.configure();
    }

    private ReportFixtures() {}

    /** {@code count} phantom images of 32 x 32 with a train/val/test split column (50/25/25 of the patients). */
    static Dataset phantom(int count, long seed) {
        return Phantom.generate(new PhantomConfig(count, 32, seed, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.5, 0.25, 0.25), null, null, null));
    }

    /** The same samples without their split column. */
    static Dataset withoutSplits(Dataset d) {
        return new InMemoryDataset(d.info(), d.samples().stream().map(s -> s.withSplit(null)).toList());
    }

    /** Saves a freshly initialised model whose model.json records {@code trainFingerprint} and {@code seed}. */
    static Path saveModel(Path dir, String trainFingerprint, long seed) {
        ModelConfig config = ModelPresets.create("attn-single", 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        try (DiagnosisModel m = DiagnosisModel.create(config, Preprocessing.defaults(), Phantom.CLASS_NAMES,
                Provenance.capture("model", Map.of(), trainFingerprint, seed), (int) seed)) {
            m.save(dir);
        }
        return dir;
    }
}
