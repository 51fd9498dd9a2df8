package attndx.data;

import static org.junit.jupiter.api.Assertions.*;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {
    private static final DatasetInfo BINARY = new DatasetInfo("t", TaskType.BINARY, List.of("normal", "lesion"), 1, "t");

    private static Sample sample(String id, String patient, int label, String split) {
        return new Sample(id, ImageTensor.zeros(1, 2, 2), Label.of(label), patient, null, null, id, split);
    }

    /** 100 patients with 2 images each; patients 0-29 positive. */
    private static Dataset patients() {
        List<Sample> s = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            for (int i = 0; i < 2; i++) {
                s.add(sample("p" + p + "_" + i, "p" + p, p < 30 && i == 1 ? 1 : 0, null));
            }
        }
        return new InMemoryDataset(BINARY, s);
    }

    @Test
    void splitsByPatientWithRatiosAndStrata() {
        SplitAssignment a = new Splitter(SplitRatios.defaults(), 1).split(patients());
        Map<String, String> byPatient = new HashMap<>();
        a.entries().forEach(e -> assertEquals(byPatient.computeIfAbsent(e.patientId(), k -> e.split()), e.split()));
        Map<String, Integer> patientsPerSplit = new HashMap<>();
        Map<String, Integer> positivePatients = new HashMap<>();
        for (int p = 0; p < 100; p++) {
            String split = byPatient.get("p" + p);
            patientsPerSplit.merge(split, 1, Integer::sum);
            if (p < 30) {
                positivePatients.merge(split, 1, Integer::sum);
            }
        }
        // positive stratum 30: train end round(21)=21, val end round(25.5)=26 -> 21/5/4;
        // negative stratum 70: train end 49, val end round(59.5)=60 -> 49/11/10
        assertEquals(Map.of("train", 21, "val", 5, "test", 4), positivePatients);
        assertEquals(Map.of("train", 70, "val", 16, "test", 14), patientsPerSplit);
    }

    @Test
    void deterministicPerSeed() {
        assertEquals(new Splitter(SplitRatios.defaults(), 3).split(patients()),
                new Splitter(SplitRatios.defaults(), 3).split(patients()));
        assertNotEquals(new Splitter(SplitRatios.defaults(), 3).split(patients()),
                new Splitter(SplitRatios.defaults(), 4).split(patients()));
    }

    @Test
    void explicitSplitIsHonouredForTheWholePatient() {
        List<Sample> s = new ArrayList<>(patients().samples());
        s.set(0, s.get(0).withSplit("test"));
        s.set(2, s.get(2).withSplit("val"));
        SplitAssignment a = new Splitter(new SplitRatios(1, 0, 0), 1).split(new InMemoryDataset(BINARY, s));
        assertEquals("test", a.entries().get(0).split());
        assertEquals("test", a.entries().get(1).split());
        assertEquals("val", a.entries().get(2).split());
        assertEquals("val", a.entries().get(3).split());
        assertEquals("train", a.entries().get(4).split());
    }

    @Test
    void leakageCheckNamesPatientAndSplits() {
        List<Sample> s = List.of(sample("a", "pat7", 0, "train"), sample("b", "pat7", 1, "test"),
                sample("c", "pat8", 0, "val"));
        AttndxException e = assertThrows(AttndxException.class,
                () -> new Splitter(SplitRatios.defaults(), 1).split(new InMemoryDataset(BINARY, s)));
        assertTrue(e.getMessage().contains("patient pat7 in test and train"), e.getMessage());
        assertFalse(e.getMessage().contains("pat8"));
        AttndxException bad = assertThrows(AttndxException.class,
                () -> Splitter.checkNoLeakage(List.of(sample("x", "p", 0, "holdout"))));
        assertTrue(bad.getMessage().contains("sample x") && bad.getMessage().contains("holdout"), bad.getMessage());
    }

    @Test
    void patientStratumRules() {
        List<Sample> mixed = List.of(sample("a", "p", 0, null), sample("b", "p", 1, null), sample("c", "p", 0, null));
        assertEquals(1, Splitter.patientStratum(mixed, TaskType.BINARY));
        List<Sample> tie = List.of(sample("a", "p", 2, null), sample("b", "p", 1, null));
        assertEquals(1, Splitter.patientStratum(tie, TaskType.MULTICLASS));
        Sample none = new Sample("m", ImageTensor.zeros(1, 1, 1), new Label(new int[0]), "p", null, null, "m", null);
        assertEquals(0, Splitter.patientStratum(List.of(none), TaskType.MULTILABEL));
    }

    @Test
    void assignmentAppliesCountsAndWritesCsv(@TempDir Path dir) throws Exception {
        Dataset d = patients();
        SplitAssignment a = new Splitter(SplitRatios.defaults(), 1).split(d);
        Dataset applied = a.apply(d);
        assertEquals(a, SplitAssignment.of(applied));
        Map<String, Map<String, Integer>> counts = a.counts();
        assertEquals(List.of("train", "val", "test"), List.copyOf(counts.keySet()));
        assertEquals(21, counts.get("train").get("lesion"));
        assertEquals(200, counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum());
        Path csv = dir.resolve("out/split.csv");
        a.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("id,patient_id,split", lines.get(0));
        assertEquals("p0_0,p0," + a.entries().get(0).split(), lines.get(1));
        assertEquals(201, lines.size());
    }

    @Test
    void ratiosAreValidated() {
        assertEquals(new SplitRatios(0.8, 0.1, 0.1), SplitRatios.parse("0.8, 0.1,0.1"));
        assertThrows(IllegalArgumentException.class, () -> new SplitRatios(0.8, 0.3, 0.1));
        assertThrows(AttndxException.class, () -> SplitRatios.parse("0.8,0.2"));
        assertThrows(AttndxException.class, () -> SplitRatios.parse("a,b,c"));
    }
}
