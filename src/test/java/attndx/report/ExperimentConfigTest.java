package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.Preprocessing;
import attndx.model.ModelConfig;
import attndx.train.LossConfig;
import attndx.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiment file: Table 1 defaults, the cpu-small profile, and errors that name the key and the range. */
class ExperimentConfigTest {
    @TempDir
    Path tmp;

    private ExperimentConfigLoader.Loaded load(String yaml) throws IOException {
        Path f = tmp.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return ExperimentConfigLoader.load(f, ExperimentConfigLoader.Overrides.none());
    }

    private String error(String yaml) {
        return assertThrows(AttndxException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void defaultsAreTable1() throws IOException {
        ExperimentConfig c = load("name: t\n").config();
        Preprocessing p = ExperimentSettings.preprocessing(c);
        assertEquals(512, p.height());
        assertEquals(512, p.width());
        TrainConfig t = ExperimentSettings.train(c, Variant.ATTN_MULTISCALE_CONS, 7);
        assertEquals(1e-4, t.learningRate());
        assertEquals(16, t.batchSize());
        assertEquals(7, t.seed());
        assertEquals(LossConfig.defaults(), t.loss());
        assertEquals(ModelConfig.Stem.STANDARD, c.model().stem());
        assertEquals(List.of(1L, 2L, 3L), c.seeds());
    }

    @Test
    void ablationSwitchesOnlyTheConsistencyLossOff() throws IOException {
        ExperimentConfig c = load("name: t\n").config();
        LossConfig single = ExperimentSettings.train(c, Variant.ATTN_SINGLE, 1).loss();
        assertEquals(0.0, single.lambdaConsistency());
        assertEquals(0.01, single.lambdaSparse());
        assertEquals(0.1, single.lambdaSmooth());
        assertEquals(List.of("gradcam", "cam"), ExperimentSettings.audit(c, Variant.GAP, 1).methods());
        assertEquals(List.of("attention"), ExperimentSettings.audit(c, Variant.ATTN_SINGLE, 1).methods());
    }

    @Test
    void cpuSmallProfileKeepsSmallImagesAndTheFileOverridesIt() throws IOException {
        ExperimentConfig c = load("name: t\nprofile: cpu-small\ntrain: {epochs: 3}\n").config();
        assertEquals(0, ExperimentSettings.preprocessing(c).height());
        assertEquals(ModelConfig.Stem.SMALL_INPUT, c.model().stem());
        assertEquals(3, c.train().epochs());
        assertEquals(32, c.train().batchSize());
        assertEquals(1e-3, c.train().learningRate());
    }

    @Test
    void shippedConfigsLoad() {
        for (String f : List.of("configs/phantom.yaml", "configs/pneumoniamnist.yaml")) {
            ExperimentConfig c = ExperimentConfigLoader.load(Path.of(f), ExperimentConfigLoader.Overrides.none())
                    .config();
            // every variant; the planted shortcut only on the phantom (on real data it is one more model per seed)
            assertEquals(Variant.NAMES.size() - (f.contains("phantom") ? 0 : 1), c.variants().size(), f);
        }
        ExperimentConfig p = ExperimentConfigLoader.load(Path.of("configs/pneumoniamnist.yaml"),
                new ExperimentConfigLoader.Overrides("x.npz", List.of(5L))).config();
        assertEquals(32, p.model().width());
        assertEquals(100, p.schedule().warmupSteps());
        assertEquals("x.npz", p.data().path());
        assertEquals(List.of(5L), p.seeds());
        ExperimentConfig ablation = ExperimentConfigLoader.load(Path.of("configs/faithfulness-phantom.yaml"),
                ExperimentConfigLoader.Overrides.none()).config();
        assertEquals(4, ablation.variants().size());
        assertEquals(0.4, ablation.loss().lambdaMining());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        String m = error("name: t\ntrain:\n  learnigRate: 0.001\n");
        assertTrue(m.contains("unknown key 'train.learnigRate'"), m);
        assertTrue(m.contains("learningRate"), m);
        assertTrue(error("name: t\ntrian: {}\n").contains("unknown key 'trian'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train: {learningRate: 2}|train.learningRate must be in (0, 1], got 2.0",
        "train: {epochs: 0}|train.epochs must be in [1.0, 10000.0], got 0",
        "loss: {lambdaSparse: -1}|loss.lambdaSparse must be in [0.0, 100.0]",
        "augment: {rotationDegrees: 45}|augment.rotationDegrees must be in [0.0, 30.0], got 45",
        "model: {width: 2}|model.width must be in [4, 512], got 2",
        "evaluation: {targetSpecificity: 1.5}|evaluation.targetSpecificity must be in (0, 1]",
        "audit: {steps: 0}|audit.steps must be in [1, 1000], got 0",
        "audit: {limit: 0}|audit.limit must be >= 1",
        "shift: {strength: 2}|shift.strength must be in (0, 1], got 2.0",
        "preprocessing: {borderMask: 0.6}|preprocessing.borderMask must be in [0, 0.5)",
        "schedule: {warmupSteps: -1}|schedule.warmupSteps must be >= 0",
        "data: {ratios: [0.5, 0.5, 0.5]}|data.ratios: split ratios train+val+test must sum to 1",
        "calibration: {split: test}|calibration.split must differ from evaluation.split",
        "model: {stem: tiny}|model.stem: invalid value 'tiny' (one of [SMALL_INPUT, STANDARD])",
        "train: {epochs: many}|train.epochs: invalid value 'many' (expected int)",
        "variants: [gap, resnet]|unknown variant 'resnet'",
        "audit: {attentionMethods: [cam]}|audit.attentionMethods: cam",
        "profile: gpu|profile must be one of [paper, cpu-small], got gpu",
        "data: {shortcutStrength: 0}|data.shortcutStrength must be in (0, 1], got 0.0",
        "data: {phantom: {contrast: [0.2]}}|data.phantom.contrast must be a range [min, max], got [0.2]",
        "data: {phantom: {contrast: [0.3, 0.1]}}|data.phantom.lesions contrasts must satisfy 0 < minContrast",
        "data: {phantom: {noise: 0.5}}|data.phantom.noise must be in [0, 0.2], got 0.5",
    })
    void outOfRangeValueIsNamedWithItsKeyAndRange(String yaml, String expected) {
        String m = error("name: t\n" + yaml + "\n");
        assertTrue(m.contains(expected), m);
        assertTrue(m.contains("exp.yaml"), m);
    }

    @Test
    void differenceNamesTheFirstDifferingKey() throws IOException {
        var a = load("name: t\nseeds: [1, 2]\n").resolved();
        var b = load("name: t\nseeds: [1, 2]\ntrain: {epochs: 4}\n").resolved();
        assertNull(ExperimentConfigLoader.difference(a, a.deepCopy(), ""));
        String d = ExperimentConfigLoader.difference(a, b, "");
        assertEquals("train.epochs: 30 vs 4", d);
        assertFalse(ExperimentConfigLoader.difference(a, load("name: t\nseeds: [1, 3]\n").resolved(), "")
                .isEmpty());
    }
}
