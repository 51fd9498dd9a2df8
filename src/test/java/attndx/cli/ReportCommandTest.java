package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.report.ReportRunFixture;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attndx report}: the page and results.json where --out says, and a folder without results.json refused. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesThePageAndResultsWhereAsked() throws Exception {
        Path page = tmp.resolve("out").resolve("page.html");
        StringWriter out = new StringWriter();
        assertEquals(0, CliRun.run(out, "report", ReportRunFixture.run().toString(), "--out", page.toString()),
                out.toString());
        assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve("results.json")));
        assertTrue(out.toString().contains("report:  " + page.toAbsolutePath()), out.toString());
    }

    @Test
    void aFolderWithoutResultsIsRefusedByName() {
        StringWriter out = new StringWriter();
        assertEquals(1, CliRun.run(out, "report", tmp.toString()));
        assertTrue(out.toString().contains(tmp.resolve("results.json") + " not found"), out.toString());
    }
}
