package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {
    private static Dataset ds(String name, float pixel, int label, String split) {
        Sample s = new Sample("a", new ImageTensor(1, 1, 2, new float[] {pixel, 0.5f}), Label.of(label), "P", null,
                List.of(), "src-" + name, split);
        return new InMemoryDataset(new DatasetInfo(name, TaskType.BINARY, List.of("n", "l"), 1, name), List.of(s));
    }

    @Test
    void stableAndIndependentOfNameAndSource() {
        String f = DatasetFingerprint.of(ds("one", 0.25f, 1, "train"));
        assertTrue(f.matches("sha256:[0-9a-f]{64}"), f);
        assertEquals(f, DatasetFingerprint.of(ds("two", 0.25f, 1, "train")));
    }

    @Test
    void changesWithPixelsLabelsAndSplits() {
        String f = DatasetFingerprint.of(ds("one", 0.25f, 1, "train"));
        assertNotEquals(f, DatasetFingerprint.of(ds("one", 0.26f, 1, "train")));
        assertNotEquals(f, DatasetFingerprint.of(ds("one", 0.25f, 0, "train")));
        assertNotEquals(f, DatasetFingerprint.of(ds("one", 0.25f, 1, "val")));
    }

    @Test
    void realPneumoniaMnistFingerprintIsReproducible() {
        LoadOptions o = LoadOptions.defaults();
        Dataset a = MedMnistLoader.load(SharedData.pneumoniaMnist(), o).dataset();
        Dataset b = MedMnistLoader.load(SharedData.pneumoniaMnist(), o).dataset();
        assertEquals(DatasetFingerprint.of(a), DatasetFingerprint.of(b));
        assertNotEquals(DatasetFingerprint.of(a), DatasetFingerprint.of(a.split("val")));
    }
}
