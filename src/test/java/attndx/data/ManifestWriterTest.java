package attndx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {
    @TempDir
    Path dir;

    private static Dataset sample(TaskType task, List<String> names, int channels, Label... labels) {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            float[] px = new float[channels * 6];
            for (int p = 0; p < px.length; p++) {
                px[p] = ((p * 37 + i * 11) % 256) / 255f;
            }
            float[] mask = i == 0 ? new float[] {0, 1, 1, 0, 0, 0} : null;
            List<Box> boxes = i == 0 ? List.of(new Box(0, 0, 2, 1), new Box(1, 0, 3, 2)) : List.of();
            samples.add(new Sample("s/" + i + ".dcm", new ImageTensor(channels, 2, 3, px), labels[i], "P" + (i / 2),
                    mask, boxes, "test", i == 1 ? "val" : null));
        }
        return new InMemoryDataset(new DatasetInfo("demo", task, names, channels, "mem"), samples);
    }

    @Test
    void roundTripKeepsEverything8Bit() {
        Dataset ds = sample(TaskType.BINARY, List.of("normal", "lesion"), 1, Label.of(1), Label.of(0), Label.of(1));
        Path out = dir.resolve("out");
        ManifestWriter.write(ds, out, 8);
        assertTrue(Files.isRegularFile(out.resolve("dataset.json")));
        Dataset back = ManifestLoader.load(out, LoadOptions.defaults()).dataset();
        assertEquals(ds.info().classNames(), back.info().classNames());
        assertEquals("demo", back.info().name());
        for (int i = 0; i < ds.size(); i++) {
            Sample a = ds.get(i);
            Sample b = back.get(i);
            assertArrayEquals(a.image().data(), b.image().data(), "sample " + i);
            assertEquals(a.label(), b.label());
            assertEquals(a.patientId(), b.patientId());
            assertEquals(a.split(), b.split());
            assertEquals(a.boxes(), b.boxes());
            assertArrayEquals(a.mask(), b.mask());
        }
        assertEquals("images/000000_0.png", back.get(0).id());
    }

    @Test
    void sixteenBitRgbMultiLabel() {
        Dataset ds = sample(TaskType.MULTILABEL, List.of("a", "b", "c"), 3, new Label(new int[] {0, 2}),
                new Label(new int[0]));
        Path out = dir.resolve("out16");
        ManifestWriter.write(ds, out, 16);
        Dataset back = ManifestLoader.load(out, LoadOptions.defaults()).dataset();
        assertEquals(TaskType.MULTILABEL, back.info().task());
        assertEquals(3, back.info().channels());
        assertEquals(ds.get(0).label(), back.get(0).label());
        assertEquals(ds.get(1).label(), back.get(1).label());
        // k/255 stored as round(k/255 * 65535) = 257k reads back as exactly k/255 within float rounding.
        assertArrayEquals(ds.get(1).image().data(), back.get(1).image().data(), 1e-6f);
    }

    @Test
    void refusesNonEmptyFolder() throws Exception {
        Files.writeString(dir.resolve("x"), "keep me");
        Dataset ds = sample(TaskType.BINARY, List.of("n", "l"), 1, Label.of(0));
        assertTrue(assertThrows(AttndxException.class, () -> ManifestWriter.write(ds, dir, 8)).getMessage()
                .contains("not empty"));
    }

    @Test
    void safeNamesDropFoldersAndExtensions() {
        assertEquals("CT_small", ManifestWriter.safeName("dicom/CT_small.dcm"));
        assertEquals("train_12", ManifestWriter.safeName("train_12"));
        assertEquals("a_b", ManifestWriter.safeName("a b.png"));
    }
}
