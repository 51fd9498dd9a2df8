package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    @Test
    void picksLoaderByPath() throws Exception {
        Path npz = new NpzFiles().u1("val_images", NpzFiles.shape(1, 1, 1), 7).u1("val_labels", NpzFiles.shape(1, 1), 1)
                .write(dir.resolve("x.npz"));
        assertEquals("x.npz#val[0]", DatasetLoader.load(npz, LoadOptions.defaults()).dataset().get(0).source());
        Path folder = Files.createDirectories(dir.resolve("folder"));
        TestImages.grey8(folder.resolve("a.png"), 2, 2, 1, "png");
        TestImages.manifest(folder, "path,label,patient_id", "a.png,x,P1");
        assertEquals("a.png", DatasetLoader.load(folder, LoadOptions.defaults()).dataset().get(0).id());
        assertEquals("a.png", DatasetLoader.load(folder.resolve("manifest.csv"), LoadOptions.defaults())
                .dataset().get(0).id());
    }

    @Test
    void dicomFolderUsesConstantLabelAndHeaderPatientIds() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dicom"));
        Files.copy(SharedData.pydicom("CT_small.dcm"), folder.resolve("a.dcm"));
        Files.copy(SharedData.pydicom("MR_small.dcm"), folder.resolve("b.dcm"));
        Files.copy(SharedData.pydicom("MR_small_RLE.dcm"), folder.resolve("c.dcm"));
        LoadOptions options = LoadOptions.defaults().withClasses(null, List.of("normal", "abnormal"))
                .withConstantLabel("abnormal");
        AttndxException e = assertThrows(AttndxException.class, () -> DatasetLoader.load(folder, options));
        assertTrue(e.getMessage().contains("c.dcm") && e.getMessage().contains("compressed"), e.getMessage());
        LoadedDataset loaded = DatasetLoader.load(folder, options.withSkipBadRows(true));
        Dataset ds = loaded.dataset();
        assertEquals(TaskType.BINARY, ds.info().task());
        assertEquals(List.of("1CT1", "4MR1"), ds.samples().stream().map(Sample::patientId).toList());
        assertEquals(1, ds.get(0).label().index());
        assertEquals(1, loaded.report().skipped().size());
        assertEquals("DICOM file c.dcm", loaded.report().skipped().get(0).where());
        assertEquals(1, DatasetLoader.load(folder.resolve("b.dcm"), options).dataset().size());
    }

    @Test
    void dicomWithoutLabelOrManifestIsAClearError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dicom"));
        Files.copy(SharedData.pydicom("MR_small.dcm"), folder.resolve("b.dcm"));
        AttndxException e = assertThrows(AttndxException.class, () -> DatasetLoader.load(folder, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("--label"), e.getMessage());
    }

    @Test
    void unsupportedPathsAreErrors() throws Exception {
        assertThrows(AttndxException.class, () -> DatasetLoader.load(dir.resolve("nothing"), LoadOptions.defaults()));
        Path txt = Files.writeString(dir.resolve("a.txt"), "x");
        assertTrue(assertThrows(AttndxException.class, () -> DatasetLoader.load(txt, LoadOptions.defaults()))
                .getMessage().contains("a.txt"));
        assertTrue(assertThrows(AttndxException.class, () -> DatasetLoader.load(dir, LoadOptions.defaults()))
                .getMessage().contains("neither"));
    }
}
