package attndx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.bench.EngineBenchmark.Case;
import attndx.bench.EngineBenchmark.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineReportTest {
    @Test
    void tableShowsRatiosToTheReferenceAndToGap() {
        Case gap = new Case(EngineKind.TRAIN, "gap", 28, 64, "ResNet18");
        Case multi = new Case(EngineKind.TRAIN, "attn-multiscale", 28, 64, null);
        String table = EngineReport.table(List.of(new Row(gap, 110, 100, Double.NaN, 12, 4000,
                new RatioInterval(1.04, 1.17)), new Row(multi, 99, Double.NaN, 110, 3, Double.NaN,
                        new RatioInterval(Double.NaN, Double.NaN))));
        String[] lines = table.split("\n");
        assertTrue(lines[1].startsWith("train gap 28x28 b64"), lines[1]);
        assertTrue(lines[1].contains("1.10x"), lines[1]);
        assertTrue(lines[1].contains("1.04-1.17"), lines[1]);
        assertTrue(lines[1].contains("12/4000"), lines[1]);
        assertTrue(lines[2].contains("0.90x"), lines[2]);
        assertTrue(lines[2].contains(" - "), lines[2]);
        assertTrue(lines[2].endsWith("3/-"), lines[2]);
    }

    @Test
    void defaultCasesCoverTheIssuesSettings() {
        List<String> labels = EngineBenchmark.defaultCases().stream().map(Case::label).toList();
        assertTrue(labels.contains("train gap 64x64 b32"));
        assertTrue(labels.contains("infer attn-single 28x28 b64"));
        assertTrue(labels.contains("infer-djl-ops gap 28x28 b64"), "what the blocked kernels buy");
        assertTrue(labels.contains("infer-bf16 gap 28x28 b64"), "the opt-in bfloat16 kernels");
        assertTrue(labels.contains("gradcam attn-single 28x28 b64"));
        assertTrue(labels.contains("deletion gap 28x28 b64"));
        assertTrue(labels.contains("train-plain gap 28x28 b64"), "the plain kernel set's training, as its own row");
        assertTrue(labels.contains("train-plain gap 64x64 b32"));
        assertEquals(20, labels.size());
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EngineBenchmark.Options(List.of(), 2, -1.5, 2, 3, 2, null, null, null));
        assertEquals("bench engine --jvm-warmup must be >= 0, got -1.5", e.getMessage());
        IllegalArgumentException reps = assertThrows(IllegalArgumentException.class,
                () -> new EngineBenchmark.Options(List.of(), 2, 15, 2, 0, 2, null, null, null));
        assertEquals("bench engine --reps must be >= 1, got 0", reps.getMessage());
    }

    @Test
    void badCasesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Case(EngineKind.INFER, "gap", 4, 64, null));
        assertTrue(e.getMessage().contains("got 4, 64"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Case(null, "gap", 28, 64, null));
        assertTrue(none.getMessage().contains("GRADCAM"), none.getMessage());
    }
}
