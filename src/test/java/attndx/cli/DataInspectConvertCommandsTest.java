package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Json;
import attndx.data.NpzFiles;
import attndx.data.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataInspectConvertCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void inspectRealPneumoniaMnist() throws Exception {
        Path json = dir.resolve("summary.json");
        Run r = run("data", "inspect", SharedData.pneumoniaMnist().toString(), "--classes", "normal,pneumonia", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("samples: 5232, patients: 5232"), r.out());
        assertTrue(r.out().contains("train: 4708 samples, 4708 patients, per class {normal=1214, pneumonia=3494}"), r.out());
        assertTrue(r.out().contains("val: 524 samples"), r.out());
        assertTrue(r.out().contains("image size: 28-28 x 28-28"), r.out());
        assertTrue(r.out().contains("skipped rows: 0"), r.out());
        JsonNode node = Json.mapper().readTree(json.toFile());
        assertEquals(389, node.at("/splits/val/perClass/pneumonia").asInt());
        assertEquals(1, node.get("channels").asInt());
        assertEquals(0.0, node.at("/intensity/min").asDouble());
        assertEquals(1.0, node.at("/intensity/max").asDouble());
        // numpy over train+val images / 255: mean 0.571645, std 0.168407.
        assertEquals(0.5716449653, node.at("/intensity/mean").asDouble(), 1e-6);
        assertEquals(0.1684067808, node.at("/intensity/std").asDouble(), 1e-6);
        Run val = run("data", "inspect", SharedData.pneumoniaMnist().toString(), "--split", "val");
        assertTrue(val.out().contains("samples: 524,") && val.out().contains("{0=135, 1=389}"), val.out());
    }

    @Test
    void convertNpzToFolderThenInspectIt() throws Exception {
        // Two 2x2 images: train label 1, val label 0.
        Path npz = new NpzFiles()
                .u1("train_images", NpzFiles.shape(1, 2, 2), 0, 1, 2, 3).u1("train_labels", NpzFiles.shape(1, 1), 1)
                .u1("val_images", NpzFiles.shape(1, 2, 2), 4, 5, 6, 7).u1("val_labels", NpzFiles.shape(1, 1), 0)
                .write(dir.resolve("small.npz"));
        Path out = dir.resolve("folder");
        Run c = run("data", "convert", npz.toString(), out.toString(), "--classes", "normal,lesion");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("wrote 2 samples"), c.out());
        List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
        assertEquals("path,label,patient_id,split", manifest.get(0));
        assertEquals("images/000000_train_0.png,lesion,train_0,train", manifest.get(1));
        Run i = run("data", "inspect", out.toString());
        assertEquals(0, i.exit(), i.err());
        assertTrue(i.out().contains("classes: [normal, lesion]"), i.out());
    }

    @Test
    void skippedRowsArePrintedAndErrorsExitOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.write(folder.resolve("manifest.csv"), List.of("path,label,patient_id", "missing.png,x,P1"));
        Run fail = run("data", "inspect", folder.toString());
        assertEquals(1, fail.exit());
        assertTrue(fail.err().contains("error: ") && fail.err().contains("row 1"), fail.err());
        Run skip = run("data", "convert", folder.toString(), dir.resolve("o").toString(), "--skip-bad-rows");
        assertEquals(0, skip.exit(), skip.err());
        assertTrue(skip.out().contains("skipped rows: 1") && skip.out().contains("missing.png"), skip.out());
    }

    @Test
    void inspectUnlabelledDicomShowsHeaderPixelsAndCountsWhileTrainingStillAsksForLabels() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dicom"));
        Files.copy(SharedData.pydicom("CT_small.dcm"), folder.resolve("ct.dcm"));
        Files.copy(SharedData.pydicom("MR_small.dcm"), folder.resolve("mr.dcm"));
        Path json = dir.resolve("dicom.json");
        Run r = run("data", "inspect", folder.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("files: 2, patients: 2, channels: [1]"), r.out());
        assertTrue(r.out().contains("image size: 64-128 x 64-128"), r.out());
        assertTrue(r.out().contains("Modality (0008,0060): {CT=1, MR=1}"), r.out());
        JsonNode node = Json.mapper().readTree(json.toFile());
        assertEquals(0.0, node.at("/intensity/min").asDouble());
        assertEquals(1.0, node.at("/intensity/max").asDouble(), "min-max or window scaled to [0,1]");
        Run one = run("data", "inspect", folder.resolve("ct.dcm").toString());
        assertTrue(one.out().contains("files: 1,") && one.out().contains("128-128 x 128-128"), one.out());
        Run train = run("train", "--data", folder.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(1, train.exit());
        assertTrue(train.err().contains("give the label of every image"), train.err());
    }
}
