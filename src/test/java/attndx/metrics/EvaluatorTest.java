package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.calibrate.Predictions;
import attndx.calibrate.ShiftDetector;
import attndx.calibrate.TemperatureFit;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.TaskType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    private static final Provenance PROVENANCE =
            new Provenance("evaluation", Map.of("model", "test"), "abc", 1, "dev", "0.36.0", "PyTorch 2.7.1", "now");

    /** Binary logits whose labels follow sigmoid(logit / 2): overconfident by a factor 2. */
    private static Predictions overconfident(SplittableRandom rng, int n) {
        double[][] l = new double[n][1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            l[i][0] = 4 * rng.nextGaussian();
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-l[i][0] / 2)) ? 1 : 0;
        }
        return Predictions.singleLabel(TaskType.BINARY, l, y);
    }

    @Test
    void binaryEvaluationCalibratesAndSerialises(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        Predictions test = overconfident(rng, 600);
        String[] patients = new String[600];
        for (int i = 0; i < 600; i++) {
            patients[i] = "p" + i / 2;
        }
        EvaluationConfig cfg = EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(100, 0.95, 7));
        EvaluationReport r = Evaluator.evaluate(new EvaluationInput(test, patients, List.of("normal", "pneumonia"),
                overconfident(rng, 600), cfg, PROVENANCE));
        assertEquals(300, r.patients());
        assertEquals("calibrated", r.probabilities());
        assertEquals(2.0, r.temperature().temperature(), 0.4);
        var c = r.calibration().get(0);
        assertTrue(c.after().ece() < c.before().ece(), c.before().ece() + " -> " + c.after().ece());
        assertNotNull(r.selective().validationChosen());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());

        Path json = dir.resolve("evaluation.json");
        Json.write(json, r);
        JsonNode node = Json.mapper().readTree(json.toFile());
        assertEquals(EvaluationReport.FORMAT, node.get("format").asText());
        assertEquals(r.diagnostic().perClass().get(0).auc().value(),
                node.at("/diagnostic/perClass/0/auc/value").asDouble(), 1e-12);
        List<Path> pngs = EvaluationPlots.write(r, dir);
        assertEquals(1, pngs.size());
        assertTrue(Files.size(pngs.get(0)) > 1000);
    }

    @Test
    void singleClassTestSetGivesNanAndWarningThatSerialise() {
        Predictions test = Predictions.singleLabel(TaskType.MULTICLASS, new double[][] {{1, 0, 0}, {0, 1, 0}},
                new int[] {0, 0});
        EvaluationReport r = Evaluator.evaluate(new EvaluationInput(test, null, List.of("a", "b", "c"), null,
                EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(20, 0.9, 1)), PROVENANCE));
        assertTrue(Double.isNaN(r.diagnostic().perClass().get(0).auc().value()));
        assertEquals(20, r.diagnostic().perClass().get(0).auc().skipped());
        assertTrue(r.warnings().size() >= 3, r.warnings().toString());
        assertTrue(Json.toJson(r).contains("\"NaN\""));
    }

    @Test
    void aTemperatureFitThatDoesNotConvergeIsAWarningNotAFailure() {
        SplittableRandom rng = new SplittableRandom(2);
        Predictions test = overconfident(rng, 100);
        // Constant validation logits: the NLL keeps falling as T grows, the fit cannot converge.
        Predictions flat = Predictions.singleLabel(TaskType.BINARY, new double[][] {{0.5}, {0.5}, {0.5}, {0.5}},
                new int[] {0, 1, 0, 1});
        EvaluationReport r = Evaluator.evaluate(new EvaluationInput(test, null, List.of("normal", "pneumonia"), flat,
                EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(10, 0.95, 1)), PROVENANCE));
        assertEquals(null, r.temperature());
        assertEquals("uncalibrated", r.probabilities());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no temperature fitted") && w.contains("converge")),
                r.warnings().toString());
        assertTrue(r.diagnostic().perClass().get(0).auc().value() > 0.5);
    }

    @Test
    void classNamesMustMatchTheOutputs() {
        Predictions test = Predictions.singleLabel(TaskType.BINARY, new double[][] {{1}}, new int[] {1});
        AttndxException e = assertThrows(AttndxException.class, () -> new EvaluationInput(test, null,
                List.of("only"), null, EvaluationConfig.defaults(), PROVENANCE));
        assertTrue(e.getMessage().contains("1 class names") && e.getMessage().contains("for 2 classes"), e.getMessage());
    }

    @Test
    void stressTestReportsAucEceAndFlagRatePerStrength() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] train = features(rng, 300, 0);
        ShiftDetector detector = ShiftDetector.mahalanobis(train, new int[300], features(rng, 300, 0), 0.05);
        List<StressLevel> levels = List.of(new StressLevel(0, overconfident(rng, 200), features(rng, 200, 0)),
                new StressLevel(1, overconfident(rng, 200), features(rng, 200, 2)));
        List<String> warnings = new ArrayList<>();
        StressTestReport r = StressTest.run(levels, detector, new TemperatureFit(2, 1, 1, 1, 1, 1, "t"), 15, warnings);
        assertEquals(2, r.levels().size());
        assertEquals("mahalanobis", r.shiftScore());
        assertTrue(r.levels().get(1).flagRate() > r.levels().get(0).flagRate());
        assertTrue(r.levels().get(0).auc() > 0.7);
        assertTrue(r.levels().get(0).ece() >= 0 && r.levels().get(0).ece() < 0.2);
        assertTrue(warnings.isEmpty());
    }

    private static double[][] features(SplittableRandom rng, int n, double shift) {
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int a = 0; a < 4; a++) {
                row[a] = rng.nextGaussian() + shift;
            }
        }
        return x;
    }
}
