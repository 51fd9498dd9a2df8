package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticMetricsTest {
    private static final EvaluationConfig NO_CI = EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(0, 0.95, 1));

    @Test
    void multiClassMacroAndMicroOnHandExample() {
        double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}, {0.5, 0.25, 0.25}};
        boolean[][] y = {{true, false, false}, {false, true, false}, {false, false, true}, {false, true, false}};
        List<String> warnings = new ArrayList<>();
        DiagnosticSummary s = DiagnosticMetrics.evaluate(TaskType.MULTICLASS, p, y, List.of("a", "b", "c"),
                PatientGroups.of(null, 4), NO_CI, warnings);
        assertEquals(1.0, s.perClass().get(0).auc().value(), 1e-12);
        assertEquals(0.75, s.perClass().get(1).auc().value(), 1e-12);
        assertEquals(1.0, s.perClass().get(2).auc().value(), 1e-12);
        assertEquals((1 + 0.75 + 1) / 3, s.macroAuc().value(), 1e-12);
        // 4 positive and 8 negative entries: 8 + 7.5 + 8 + 4.5 wins of 32 pairs
        assertEquals(28.0 / 32, s.microAuc().value(), 1e-12);
        assertEquals(0.75, s.accuracy().value(), 1e-12);
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertTrue(Double.isNaN(s.accuracy().lower()));
    }

    @Test
    void multiLabelWithAnAbsentLabelWarnsAndAveragesTheRest() {
        double[][] p = {{0.9, 0.2}, {0.1, 0.3}, {0.6, 0.1}};
        boolean[][] y = {{true, false}, {false, false}, {true, false}};
        List<String> warnings = new ArrayList<>();
        DiagnosticSummary s = DiagnosticMetrics.evaluate(TaskType.MULTILABEL, p, y, List.of("x", "y"),
                PatientGroups.of(null, 3), NO_CI, warnings);
        assertTrue(Double.isNaN(s.perClass().get(1).auc().value()));
        assertEquals(1.0, s.macroAuc().value(), 1e-12);
        assertNull(s.accuracy());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("class 'y'")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("macro AUC averages 1 of 2")), warnings.toString());
    }

    @Test
    void binaryReportsThePositiveClassWithIntervals() {
        int n = 60;
        double[][] p = new double[n][];
        boolean[][] y = new boolean[n][];
        String[] patients = new String[n];
        for (int i = 0; i < n; i++) {
            double q = (i % 10) / 10.0 + (i % 2 == 0 ? 0.05 : 0);
            p[i] = new double[] {1 - q, q};
            boolean pos = (i % 10) >= 4;
            y[i] = new boolean[] {!pos, pos};
            patients[i] = "p" + i / 3;
        }
        PatientGroups groups = PatientGroups.of(patients, n);
        DiagnosticSummary s = DiagnosticMetrics.evaluate(TaskType.BINARY, p, y, List.of("normal", "pneumonia"),
                groups, EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(200, 0.95, 3)), new ArrayList<>());
        ClassMetrics m = s.perClass().get(0);
        assertEquals("pneumonia", m.name());
        assertEquals(1.0, m.auc().value(), 1e-12);
        assertEquals(1.0, m.atSpecificity().sensitivity().value(), 1e-12);
        assertEquals(0.45, m.atSpecificity().threshold(), 1e-12); // the lowest positive score
        assertEquals(200, m.auc().resamples());
        assertTrue(s.accuracy().lower() <= s.accuracy().value() && s.accuracy().value() <= s.accuracy().upper());
        assertNull(s.macroAuc());
    }
}
