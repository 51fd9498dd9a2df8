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

    private static double[][] binary(double... q) {
        double[][] p = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            p[i] = new double[] {1 - q[i], q[i]};
        }
        return p;
    }

    private static boolean[][] truth(int negatives, int positives) {
        boolean[][] y = new boolean[negatives + positives][];
        for (int i = 0; i < y.length; i++) {
            y[i] = new boolean[] {i < negatives, i >= negatives};
        }
        return y;
    }

    @Test
    void thresholdChosenOnValidationIsAppliedUnchangedToTest() {
        // validation: 10 negatives 0.05..0.50, 4 positives 0.6..0.9 -> threshold 0.5 gives spec 0.9, sens 1
        double[][] val = binary(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.6, 0.7, 0.8, 0.9);
        // test: 10 negatives, 4 of them >= 0.5; 5 positives, 4 of them >= 0.5
        double[][] test = binary(0.1, 0.2, 0.3, 0.4, 0.52, 0.55, 0.58, 0.7, 0.15, 0.25, 0.45, 0.51, 0.6, 0.9, 0.95);
        List<String> warnings = new ArrayList<>();
        DiagnosticSummary s = DiagnosticMetrics.evaluate(TaskType.BINARY, test, truth(10, 5), List.of("n", "p"),
                PatientGroups.of(null, 15), NO_CI, val, truth(10, 4), warnings);
        ClassMetrics m = s.perClass().get(0);
        ValidationOperatingPoint v = m.atValidationThreshold();
        assertEquals(0.5, v.threshold(), 1e-12);
        assertEquals(1.0, v.validationSensitivity(), 1e-12);
        assertEquals(0.9, v.validationSpecificity(), 1e-12);
        assertEquals(0.8, v.sensitivity().value(), 1e-12, "4 of 5 test positives >= 0.5");
        assertEquals(0.6, v.specificity().value(), 1e-12, "the target specificity is missed on test");
        // the threshold re-chosen on test itself: 0.6 (one negative, 0.7, above), sensitivity 3/5
        assertEquals(0.6, m.atSpecificity().threshold(), 1e-12);
        assertEquals(0.6, m.atSpecificity().sensitivity().value(), 1e-12);
        assertTrue(warnings.isEmpty(), warnings.toString());

        DiagnosticSummary without = DiagnosticMetrics.evaluate(TaskType.BINARY, test, truth(10, 5), List.of("n", "p"),
                PatientGroups.of(null, 15), NO_CI, warnings);
        assertNull(without.perClass().get(0).atValidationThreshold());
        DiagnosticSummary oneClass = DiagnosticMetrics.evaluate(TaskType.BINARY, test, truth(10, 5), List.of("n", "p"),
                PatientGroups.of(null, 15), NO_CI, binary(0.1, 0.2), truth(2, 0), warnings);
        assertTrue(Double.isNaN(oneClass.perClass().get(0).atValidationThreshold().sensitivity().value()));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("validation split has a single class")), warnings.toString());
    }
}
