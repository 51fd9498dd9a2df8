package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsLabelsPatientsMasksBoxesAndSplits() throws Exception {
        TestImages.grey8(dir.resolve("img/a.png"), 4, 3, 10, "png");
        TestImages.grey16(dir.resolve("img/b.png"), 4, 3, 1000);
        TestImages.grey8(dir.resolve("img/a_mask.png"), 4, 3, 1, "png");
        TestImages.manifest(dir,
                "path,label,patient_id,mask_path,bbox,split",
                "img/a.png,lesion,P1,img/a_mask.png,\"0,0,2,2;1,1,4,3\",train",
                "img/b.png,normal,P2,,,");
        LoadedDataset loaded = ManifestLoader.load(dir, LoadOptions.defaults());
        Dataset ds = loaded.dataset();
        // Without dataset.json: classes = distinct labels, the no-finding one first, 2 classes -> BINARY.
        assertEquals(List.of("normal", "lesion"), ds.info().classNames());
        assertEquals(TaskType.BINARY, ds.info().task());
        assertEquals(dir.getFileName().toString(), ds.info().name());
        Sample a = ds.get(0);
        assertEquals("img/a.png", a.id());
        assertEquals("P1", a.patientId());
        assertEquals(1, a.label().index());
        assertEquals("train", a.split());
        assertEquals(List.of(new Box(0, 0, 2, 2), new Box(1, 1, 4, 3)), a.boxes());
        assertEquals(0f, a.mask()[0]);
        assertEquals(1f, a.mask()[1]);
        assertEquals(30 / 255f, a.image().get(0, 0, 3));
        Sample b = ds.get(1);
        assertNull(b.split());
        assertNull(b.mask());
        assertEquals(2000 / 65535f, b.image().get(0, 0, 2));
        assertTrue(!loaded.report().hasSkipped());
    }

    @Test
    void inferredClassesPutTheOneNoFindingLabelFirstAndSortTheRest() throws Exception {
        assertEquals(List.of("No_Finding", "effusion", "mass"), inferredClasses("mass", "No_Finding", "effusion"));
        assertEquals(List.of("healthy", "abnormal"), inferredClasses("abnormal", "healthy"));
        assertEquals(List.of("a", "b"), inferredClasses("b", "a"));
        // two candidates: no guess, sorted
        assertEquals(List.of("healthy", "normal", "tumour"), inferredClasses("tumour", "normal", "healthy"));
    }

    private List<String> inferredClasses(String... labels) throws Exception {
        Path folder = Files.createTempDirectory(dir, "classes");
        String[] lines = new String[labels.length + 1];
        lines[0] = "path,label,patient_id";
        for (int i = 0; i < labels.length; i++) {
            TestImages.grey8(folder.resolve(i + ".png"), 2, 2, 1, "png");
            lines[i + 1] = i + ".png," + labels[i] + ",P" + i;
        }
        TestImages.manifest(folder, lines);
        return ManifestLoader.load(folder, LoadOptions.defaults()).dataset().info().classNames();
    }

    @Test
    void datasetJsonGivesNameTaskAndClassOrder() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 2, 2, 1, "png");
        TestImages.manifest(dir, "path,label,patient_id", "a.png,lesion,P1");
        Files.writeString(dir.resolve("dataset.json"),
                "{\"name\":\"phantom\",\"task\":\"BINARY\",\"classNames\":[\"normal\",\"lesion\"]}");
        Dataset ds = ManifestLoader.load(dir, LoadOptions.defaults()).dataset();
        assertEquals("phantom", ds.info().name());
        assertEquals(1, ds.get(0).label().index());
    }

    @Test
    void multiLabelColumns() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 2, 2, 1, "png");
        TestImages.grey8(dir.resolve("b.png"), 2, 2, 1, "png");
        TestImages.manifest(dir, "path,label_effusion,label_nodule,patient_id", "a.png,1,1,P1", "b.png,0,1,P1");
        Dataset ds = ManifestLoader.load(dir, LoadOptions.defaults()).dataset();
        assertEquals(TaskType.MULTILABEL, ds.info().task());
        assertEquals(List.of("effusion", "nodule"), ds.info().classNames());
        assertEquals(new Label(new int[] {0, 1}), ds.get(0).label());
        assertEquals(new Label(new int[] {1}), ds.get(1).label());
    }

    @Test
    void mixedGreyAndRgbBecomeRgb() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 1, 1, 0, "png");
        TestImages.rgb(dir.resolve("b.png"), 1, 1, 0x0A141E, "png");
        TestImages.manifest(dir, "path,label,patient_id", "a.png,x,P1", "b.png,y,P2");
        Dataset ds = ManifestLoader.load(dir, LoadOptions.defaults()).dataset();
        assertEquals(3, ds.info().channels());
        assertEquals(3, ds.get(0).image().channels());
    }

    @Test
    void dicomRowsGoThroughTheDicomReader() throws Exception {
        Files.copy(SharedData.pydicom("MR_small.dcm"), dir.resolve("mr.dcm"));
        TestImages.manifest(dir, "path,label,patient_id", "mr.dcm,a,4MR1", "mr.dcm,b,4MR1");
        LoadOptions skip = LoadOptions.defaults().withSkipBadRows(true);
        LoadedDataset loaded = ManifestLoader.load(dir, skip);
        assertEquals(64, loaded.dataset().get(0).image().width());
        // The second row repeats the path: skipped and reported as a duplicate.
        assertEquals(1, loaded.report().skipped().size());
        assertTrue(loaded.report().skipped().get(0).reason().contains("duplicate"));
    }

    @Test
    void missingColumnNamesManifestAndColumn() throws Exception {
        TestImages.manifest(dir, "path,label", "a.png,x");
        AttndxException e = assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("manifest.csv") && e.getMessage().contains("'patient_id'"), e.getMessage());
    }

    @Test
    void unknownLabelNamesRow() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 2, 2, 1, "png");
        TestImages.manifest(dir, "path,label,patient_id", "a.png,normal,P1", "a.png,cancer,P2");
        LoadOptions options = LoadOptions.defaults().withClasses(TaskType.BINARY, List.of("normal", "lesion"));
        AttndxException e = assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, options));
        assertTrue(e.getMessage().contains("manifest.csv row 2") && e.getMessage().contains("'cancer'"), e.getMessage());
    }

    @Test
    void maskSizeMismatchNamesFileAndRow() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 4, 4, 1, "png");
        TestImages.grey8(dir.resolve("m.png"), 2, 2, 1, "png");
        TestImages.manifest(dir, "path,label,patient_id,mask_path", "a.png,x,P1,m.png");
        AttndxException e = assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("m.png"), e.getMessage());
    }

    @Test
    void badRowsAreSkippedAndReportedWithReasons() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 2, 2, 1, "png");
        TestImages.grey8(dir.resolve("b.png"), 2, 2, 1, "png");
        Files.writeString(dir.resolve("corrupt.png"), "garbage");
        TestImages.manifest(dir, "path,label,patient_id,bbox,split",
                "a.png,x,P1,,train",
                "missing.png,x,P2,,",
                "corrupt.png,y,P3,,",
                "b.png,y,,,",
                "b.png,y,P5,\"0,0,9,9\",",
                "b.png,y,P6,,holdout",
                "b.png,y,P7,,val");
        assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, LoadOptions.defaults()));
        LoadedDataset loaded = ManifestLoader.load(dir, LoadOptions.defaults().withSkipBadRows(true));
        assertEquals(List.of("img a", "img b"), loaded.dataset().samples().stream()
                .map(s -> "img " + s.id().charAt(0)).toList());
        List<LoadReport.Skipped> skipped = loaded.report().skipped();
        assertEquals(5, skipped.size());
        assertTrue(skipped.get(0).where().endsWith("manifest.csv row 2") && skipped.get(0).reason().contains("not found"));
        assertTrue(skipped.get(1).reason().contains("corrupt.png"));
        assertTrue(skipped.get(2).reason().contains("empty 'patient_id'"));
        assertTrue(skipped.get(3).reason().contains("bbox"));
        assertTrue(skipped.get(4).reason().contains("holdout"));
    }

    @Test
    void missingManifestIsAnError() {
        assertTrue(assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, LoadOptions.defaults()))
                .getMessage().contains("manifest.csv"));
    }

    @Test
    void classNamesNoRowUsesAreRefused() throws Exception {
        TestImages.grey8(dir.resolve("a.png"), 2, 2, 1, "png");
        TestImages.manifest(dir, "path,label,patient_id", "a.png,normal,P1", "a.png,lesion,P2");
        LoadOptions three = LoadOptions.defaults().withClasses(null, List.of("normal", "lesion", "other"));
        AttndxException e = assertThrows(AttndxException.class, () -> ManifestLoader.load(dir, three));
        assertTrue(e.getMessage().contains("manifest.csv") && e.getMessage().contains("[other]"), e.getMessage());
        // a binary subset with one class absent is still a binary task
        TestImages.manifest(dir, "path,label,patient_id", "a.png,normal,P1");
        LoadOptions two = LoadOptions.defaults().withClasses(null, List.of("normal", "lesion"));
        assertEquals(2, ManifestLoader.load(dir, two).dataset().info().numClasses());
    }
}
