package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedMnistLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRealPneumoniaMnistWithDeclaredClassNames() {
        LoadOptions options = LoadOptions.defaults().withClasses(null, List.of("normal", "pneumonia"));
        LoadedDataset loaded = MedMnistLoader.load(SharedData.pneumoniaMnist(), options);
        Dataset ds = loaded.dataset();
        assertEquals(4708 + 524, ds.size());
        assertEquals(TaskType.BINARY, ds.info().task());
        assertEquals(List.of("normal", "pneumonia"), ds.info().classNames());
        assertEquals(1, ds.info().channels());
        assertEquals(4708, ds.split("train").size());
        assertEquals(524, ds.split("val").size());
        assertEquals(1214, count(ds.split("train"), 0));
        assertEquals(3494, count(ds.split("train"), 1));
        assertEquals(135, count(ds.split("val"), 0));
        assertEquals(389, count(ds.split("val"), 1));
        // Pixel values checked independently with numpy: train_images[0,0,0]=146, [0,14,14]=188, [17,3,25]=84.
        Sample first = ds.get(0);
        assertEquals(146 / 255f, first.image().get(0, 0, 0));
        assertEquals(188 / 255f, first.image().get(0, 14, 14));
        assertEquals(84 / 255f, ds.get(17).image().get(0, 3, 25));
        assertEquals(186 / 255f, ds.split("val").get(523).image().get(0, 27, 27));
        assertEquals(28, first.image().height());
        assertEquals(first.id(), first.patientId());
        assertEquals("train_0", first.id());
        assertTrue(!loaded.report().hasSkipped());
    }

    @Test
    void readsAllThreeSplitsWithDefaultClassNames() throws Exception {
        Path f = new NpzFiles()
                .u1("train_images", NpzFiles.shape(2, 2, 2), 0, 255, 10, 20, 30, 40, 50, 60)
                .u1("train_labels", NpzFiles.shape(2, 1), 0, 2)
                .u1("val_images", NpzFiles.shape(1, 2, 2), 1, 2, 3, 4)
                .u1("val_labels", NpzFiles.shape(1, 1), 1)
                .u1("test_images", NpzFiles.shape(1, 2, 2), 5, 6, 7, 8)
                .u1("test_labels", NpzFiles.shape(1, 1), 2)
                .write(dir.resolve("three.npz"));
        Dataset ds = MedMnistLoader.load(f, LoadOptions.defaults()).dataset();
        AttndxException binary = assertThrows(AttndxException.class,
                () -> MedMnistLoader.load(f, LoadOptions.defaults().withClasses(TaskType.BINARY, null)));
        assertTrue(binary.getMessage().contains("three.npz"), binary.getMessage());
        assertEquals(TaskType.MULTICLASS, ds.info().task());
        assertEquals(List.of("0", "1", "2"), ds.info().classNames());
        assertEquals("three", ds.info().name());
        assertEquals(List.of("train", "train", "val", "test"), ds.samples().stream().map(Sample::split).toList());
        assertEquals(1f, ds.get(0).image().get(0, 0, 1));
        assertEquals(40 / 255f, ds.get(1).image().get(0, 0, 1));
        assertEquals(2, ds.get(3).label().index());
        assertEquals("three.npz#test[0]", ds.get(3).source());
    }

    @Test
    void readsRgbChannelsLast() throws Exception {
        // One 1x2 RGB image: pixel (0,0) = (1,2,3), pixel (0,1) = (4,5,6).
        Path f = new NpzFiles()
                .u1("test_images", NpzFiles.shape(1, 1, 2, 3), 1, 2, 3, 4, 5, 6)
                .u1("test_labels", NpzFiles.shape(1, 1), 1)
                .write(dir.resolve("rgb.npz"));
        Dataset ds = MedMnistLoader.load(f, LoadOptions.defaults()).dataset();
        assertEquals(3, ds.info().channels());
        ImageTensor img = ds.get(0).image();
        assertEquals(2 / 255f, img.get(1, 0, 0));
        assertEquals(4 / 255f, img.get(0, 0, 1));
        assertEquals(6 / 255f, img.get(2, 0, 1));
        assertEquals(TaskType.BINARY, ds.info().task());
    }

    @Test
    void detectsMultiLabelFromLabelWidth() throws Exception {
        Path f = new NpzFiles()
                .u1("train_images", NpzFiles.shape(2, 1, 1), 0, 1)
                .u1("train_labels", NpzFiles.shape(2, 3), 1, 0, 1, 0, 0, 0)
                .write(dir.resolve("ml.npz"));
        Dataset ds = MedMnistLoader.load(f, LoadOptions.defaults()).dataset();
        assertEquals(TaskType.MULTILABEL, ds.info().task());
        assertEquals(3, ds.info().numClasses());
        assertEquals(new Label(new int[] {0, 2}), ds.get(0).label());
        assertEquals(new Label(new int[0]), ds.get(1).label());
    }

    @Test
    void unexpectedKeyNamesFileAndKey() throws Exception {
        Path f = new NpzFiles()
                .u1("train_images", NpzFiles.shape(1, 1, 1), 0)
                .u1("train_labels", NpzFiles.shape(1, 1), 0)
                .u1("extra", NpzFiles.shape(1), 0)
                .write(dir.resolve("keys.npz"));
        AttndxException e = assertThrows(AttndxException.class, () -> MedMnistLoader.load(f, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("'extra'") && e.getMessage().contains("keys.npz"), e.getMessage());
    }

    @Test
    void wrongImageDtypeNamesFileAndKey() throws Exception {
        Path f = new NpzFiles()
                .f4("val_images", NpzFiles.shape(1, 1, 1), 0.5f)
                .u1("val_labels", NpzFiles.shape(1, 1), 0)
                .write(dir.resolve("dtype.npz"));
        AttndxException e = assertThrows(AttndxException.class, () -> MedMnistLoader.load(f, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("'val_images'") && e.getMessage().contains("dtype.npz")
                && e.getMessage().contains("float32"), e.getMessage());
    }

    @Test
    void int64LabelsAreAccepted() throws Exception {
        Path f = new NpzFiles()
                .u1("val_images", NpzFiles.shape(2, 1, 1), 0, 0)
                .i8("val_labels", NpzFiles.shape(2, 1), 1, 0)
                .write(dir.resolve("i8.npz"));
        Dataset ds = MedMnistLoader.load(f, LoadOptions.defaults()).dataset();
        assertEquals(1, ds.get(0).label().index());
        assertEquals(0, ds.get(1).label().index());
    }

    @Test
    void corruptEntryNamesKey() throws Exception {
        Path f = new NpzFiles().raw("train_images.npy", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
                .write(dir.resolve("bad.npz"));
        AttndxException e = assertThrows(AttndxException.class, () -> MedMnistLoader.load(f, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("'train_images'") && e.getMessage().contains("bad.npz"), e.getMessage());
    }

    @Test
    void notAZipAndMissingFileAreClearErrors() throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("text.npz"), "hello");
        assertTrue(assertThrows(AttndxException.class, () -> MedMnistLoader.load(f, LoadOptions.defaults()))
                .getMessage().contains("text.npz"));
        assertTrue(assertThrows(AttndxException.class,
                () -> MedMnistLoader.load(dir.resolve("none.npz"), LoadOptions.defaults())).getMessage()
                .contains("none.npz"));
    }

    @Test
    void labelOutsideDeclaredClassesIsSkippedAndReported() throws Exception {
        Path f = new NpzFiles()
                .u1("train_images", NpzFiles.shape(3, 1, 1), 0, 0, 0)
                .u1("train_labels", NpzFiles.shape(3, 1), 0, 5, 1)
                .write(dir.resolve("range.npz"));
        LoadOptions options = LoadOptions.defaults().withClasses(TaskType.BINARY, List.of("a", "b"));
        assertThrows(AttndxException.class, () -> MedMnistLoader.load(f, options));
        LoadedDataset loaded = MedMnistLoader.load(f, options.withSkipBadRows(true));
        assertEquals(2, loaded.dataset().size());
        assertEquals(1, loaded.report().skipped().size());
        assertEquals("range.npz#train[1]", loaded.report().skipped().get(0).where());
        assertTrue(loaded.report().skipped().get(0).reason().contains("label 5"));
    }

    private static long count(Dataset ds, int cls) {
        return ds.samples().stream().filter(s -> s.label().index() == cls).count();
    }

    @Test
    void moreClassNamesThanLabelValuesAreRefused() throws Exception {
        Path f = new NpzFiles()
                .u1("train_images", NpzFiles.shape(3, 1, 1), 0, 0, 0)
                .u1("train_labels", NpzFiles.shape(3, 1), 0, 1, 1)
                .write(dir.resolve("two.npz"));
        AttndxException e = assertThrows(AttndxException.class,
                () -> MedMnistLoader.load(f, LoadOptions.defaults().withClasses(null, List.of("a", "b", "c"))));
        assertTrue(e.getMessage().contains("two.npz") && e.getMessage().contains("up to 1"), e.getMessage());
        // two names for a file whose labels are all 0 stay a (one-sided) binary task
        Path zeros = new NpzFiles()
                .u1("test_images", NpzFiles.shape(2, 1, 1), 0, 0)
                .u1("test_labels", NpzFiles.shape(2, 1), 0, 0)
                .write(dir.resolve("zeros.npz"));
        assertEquals(2, MedMnistLoader.load(zeros, LoadOptions.defaults().withClasses(null, List.of("a", "b")))
                .dataset().info().numClasses());
    }
}
