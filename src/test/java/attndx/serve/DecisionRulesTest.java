package attndx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Provenance;
import attndx.data.Phantom;
import attndx.data.Preprocessing;
import attndx.model.DecisionThresholds;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelMetadata;
import attndx.model.ModelPresets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored decision rules applied to hand-made probabilities, and the triage order; engine-free. */
class DecisionRulesTest {
    private static ModelMetadata meta(Double temperature, DecisionThresholds d) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, ModelPresets.create("gap", 18, 8, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), Phantom.CLASS_NAMES, temperature, Provenance.capture("model", Map.of(), "", 1), null, d);
    }

    @Test
    void refersBelowTauAndExpeditesAtTheOperatingPoint() {
        DecisionRules r = new DecisionRules(meta(1.5, new DecisionThresholds("val", 0.8, 0.9, 1, 0.3, 0.9, 2.0, 0.05)));
        assertTrue(r.refer(0.79));
        assertFalse(r.refer(0.8), "tau itself is accepted (confidence >= tau)");
        assertEquals(0.25, r.priority(new double[] {0.75, 0.25}));
        assertFalse(r.expedite(0.25));
        assertTrue(r.expedite(0.3), "the operating point itself is positive (>=)");
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void shiftScoreIsTheEnergyAtTheStoredTemperature() {
        DecisionRules r = new DecisionRules(meta(2.0, new DecisionThresholds("val", 0.8, 0.9, 1, 0.3, 0.9, -1.5, 0.05)));
        // -T logsumexp(l / T) with l = (2, 2), T = 2: -2 (1 + ln 2) = -3.3863
        double e = r.shiftScore(new double[] {2, 2});
        assertEquals(-2 * (1 + Math.log(2)), e, 1e-12);
        assertFalse(r.shiftFlag(e));
        assertTrue(r.shiftFlag(-1.0));
    }

    @Test
    void withoutTemperatureOrRulesItWarnsAndNeverRefers() {
        DecisionRules r = new DecisionRules(meta(null, null));
        assertNull(r.refer(0.01));
        assertNull(r.expedite(0.99));
        assertNull(r.shiftFlag(100));
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("uncalibrated") && w.contains("never refers") && w.contains("shift"), w);
    }

    @Test
    void triageOrdersExpediteThenPriorityThenFailures() {
        StudyResult low = result("low", 0.2, false);
        StudyResult high = result("high", 0.6, false);
        StudyResult urgent = result("urgent", 0.5, true);
        StudyResult bad = StudyResult.failed("bad", "bad.png", "corrupt");
        List<StudyResult> in = List.of(bad, low, high, urgent);
        assertEquals(List.of("urgent", "high", "low", "bad"), Worklist.order(in, PredictMode.TRIAGE).stream()
                .map(StudyResult::id).toList());
        assertEquals(List.of("bad", "low", "high", "urgent"), Worklist.order(in, PredictMode.SECOND_READ).stream()
                .map(StudyResult::id).toList());
    }

    private static StudyResult result(String id, double priority, boolean expedite) {
        return new StudyResult(id, id, Map.of("normal", 1 - priority, "lesion", priority), true, "normal", 1 - priority,
                false, priority, expedite, List.of(), 0.0, false, "attention", null, null);
    }
}
