package attndx.cli;

import static org.junit.jupiter.api.Assertions.*;

import attndx.core.Json;
import attndx.data.DatasetSource;
import attndx.data.InMemoryDataset;
import attndx.data.LoadOptions;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.Sample;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataPhantomSplitQcCommandsTest {
    /** Stands in for the loaders: every path reads as the same 40-image phantom, without splits. */
    private static final DatasetSource PHANTOM = (path, options) -> {
        var d = Phantom.generate(PhantomConfig.defaults().withCount(40, 6));
        return new InMemoryDataset(d.info(), d.samples().stream().map(s -> s.withSplit(null)).toList());
    };

    private record Run(int code, String out, String err) {}

    private static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void phantomCommandWritesTheFolder(@TempDir Path dir) {
        Run r = run(Main.commandLine().getCommandSpec().userObject(), "data", "phantom", "--out",
                dir.resolve("ph").toString(), "--count", "12", "--size", "32", "--shortcut", "0.9,0.9,0", "--site", "test");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("ph/manifest.csv")));
        assertTrue(r.out().contains("12 images"), r.out());
        Run bad = run(new Main(), "data", "phantom", "--out", dir.resolve("x").toString(), "--shortcut", "0.9");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--shortcut needs three numbers"), bad.err());
    }

    @Test
    void splitCommandWritesAssignmentAndCounts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("split.csv");
        Run r = run(new DataSplitCommand(PHANTOM), "in", "--ratios", "0.6,0.2,0.2", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(41, Files.readAllLines(out).size());
        assertTrue(r.out().contains("lesion") && r.out().contains("train"), r.out());
    }

    @Test
    void splitAndQcReadWithTheSharedLoadOptions(@TempDir Path dir) {
        List<LoadOptions> seen = new ArrayList<>();
        DatasetSource recording = (path, options) -> {
            seen.add(options);
            return PHANTOM.load(path, options);
        };
        assertEquals(0, run(new DataSplitCommand(recording), "in", "--classes", "normal,lesion", "--skip-bad-rows",
                "--out", dir.resolve("s.csv").toString()).code());
        assertEquals(0, run(new DataQcCommand(recording), "in", "--classes", "normal,lesion", "--name", "ph").code());
        assertEquals(List.of("normal", "lesion"), seen.get(0).classNames());
        assertTrue(seen.get(0).skipBadRows());
        assertEquals(List.of("normal", "lesion"), seen.get(1).classNames());
        assertEquals("ph", seen.get(1).name());
    }

    @Test
    void splitCommandReportsLeakage(@TempDir Path dir) {
        DatasetSource leaky = (path, options) -> {
            List<Sample> s = new ArrayList<>(PHANTOM.load(path, options).samples());
            s.set(0, s.get(0).withSplit("train"));
            s.set(1, s.get(1).withSplit("test"));
            return new InMemoryDataset(PHANTOM.load(path, options).info(), s);
        };
        Sample a = PHANTOM.load(dir, LoadOptions.defaults()).get(0);
        Sample b = PHANTOM.load(dir, LoadOptions.defaults()).get(1);
        Run r = run(new DataSplitCommand(leaky), "in", "--out", dir.resolve("s.csv").toString());
        assertEquals(a.patientId(), b.patientId(), "the phantom's first two images share a patient");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("patient " + a.patientId() + " in test and train"), r.err());
    }

    @Test
    void qcCommandPrintsSummaryAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("qc.json");
        Run r = run(new DataQcCommand(PHANTOM), "in", "--json", json.toString(), "--min-mean", "0.3");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(json.toFile());
        assertEquals(40, doc.get("total").asInt());
        int flagged = doc.get("flagged").asInt();
        assertTrue(flagged > 0 && flagged < 40, "some phantom means lie below 0.3: " + flagged);
        assertTrue(r.out().contains(flagged + " of 40 images flagged"), r.out());
        assertTrue(r.out().contains("under-exposed"), r.out());
    }
}
