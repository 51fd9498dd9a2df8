package attndx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.InMemoryDataset;
import attndx.data.Splits;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.ClassMetrics;
import attndx.metrics.EvaluationConfig;
import attndx.kernels.InferenceKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EvaluationRun} on an untrained tiny model: what it refuses, and which warnings reach the report. */
class EvaluationRunTest {
    private static final EvaluationConfig NO_CI = EvaluationConfig.defaults()
            .withBootstrap(new BootstrapConfig(0, 0.95, 1));

    @TempDir
    Path tmp;

    private EvaluationRun.Request request(Path model, Dataset data, String test, String calibration,
            List<Double> stress) {
        return new EvaluationRun.Request(model, data, test, calibration, NO_CI, 0.05, stress, 0,
                InferenceKernels.ONEDNN, tmp.resolve("eval"));
    }

    @Test
    void calibratingOnTheEvaluatedSplitIsRefusedBeforeAnyWork() {
        Path model = tmp.resolve("no-model-needed");
        AttndxException e = assertThrows(AttndxException.class,
                () -> request(model, ReportFixtures.phantom(20, 1), "test", "test", List.of()));
        assertTrue(e.getMessage().contains("'test'") && e.getMessage().contains("must differ"), e.getMessage());
    }

    @Test
    void stressTestWarningsReachTheReport() {
        Dataset all = ReportFixtures.phantom(60, 4);
        // a test split of normal images only: every stress level's AUC is undefined
        Dataset data = new InMemoryDataset(all.info(), all.samples().stream()
                .filter(s -> !(Splits.TEST.equals(s.split()) && s.label().index() == 1)).toList());
        Path model = ReportFixtures.saveModel(tmp.resolve("run/model"), "", 1);
        EvaluationRun.Result r = EvaluationRun.run(request(model, data, Splits.TEST, Splits.VAL, List.of(0.0, 1.0)));
        List<String> w = r.report().warnings();
        for (String kind : r.stress().keySet()) {
            assertTrue(w.stream().anyMatch(x -> x.startsWith("stress test " + kind + ": AUC undefined")
                    && x.contains("at strength 1.0")), kind + ": " + w);
        }
        assertTrue(EvaluationTable.format(r).contains("warning: stress test contrast: AUC undefined"));
    }

    @Test
    void validationChosenOperatingPointIsReportedAndTabled() {
        Path model = ReportFixtures.saveModel(tmp.resolve("run/model"), "", 1);
        EvaluationRun.Result r = EvaluationRun.run(request(model, ReportFixtures.phantom(60, 4), Splits.TEST,
                Splits.VAL, List.of()));
        ClassMetrics m = r.report().diagnostic().perClass().get(0);
        assertNotNull(m.atValidationThreshold(), "chosen on validation when a calibration split is given");
        assertEquals(0.9, m.atValidationThreshold().targetSpecificity());
        assertTrue(m.atValidationThreshold().validationSpecificity() >= 0.9, m.toString());
        String table = EvaluationTable.format(r);
        assertTrue(table.contains("sens@spec (val thr)") && table.contains("chosen on validation"), table);

        EvaluationRun.Result stored = EvaluationRun.run(request(model, ReportFixtures.phantom(60, 4), Splits.TEST,
                null, List.of()));
        assertEquals(null, stored.report().diagnostic().perClass().get(0).atValidationThreshold());
        assertTrue(EvaluationTable.format(stored).contains("sens@spec (test thr)"));
    }

    @Test
    void anUnverifiedParameterFileIsAWarningInTheReport() throws IOException {
        Path model = ReportFixtures.saveModel(tmp.resolve("old/model"), "", 1);
        Path json = model.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceAll(",\\s*\"parametersSha256\" : \"[0-9a-f]{64}\"", ""));
        EvaluationRun.Result r = EvaluationRun.run(request(model, ReportFixtures.phantom(40, 2), Splits.TEST, null,
                List.of()));
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("loaded unverified")),
                r.report().warnings().toString());
        assertFalse(Files.readString(json).contains("parametersSha256"), "evaluation without calibration writes nothing");
    }
}
