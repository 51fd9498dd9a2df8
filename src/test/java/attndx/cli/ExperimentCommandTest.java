package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attndx experiment} refuses a bad config with one message naming the key, and writes nothing. */
class ExperimentCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void badKeyIsOneErrorNamingItAndNothingIsWritten() throws IOException {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "name: bad\ntrain:\n  batchSize: 1\n");
        Path runDir = tmp.resolve("run");
        assertEquals(1, run("experiment", cfg.toString(), "--out", runDir.toString()));
        assertTrue(err.toString().contains("train.batchSize must be in [2.0, 4096.0], got 1"), err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
        assertFalse(Files.exists(runDir));
    }

    @Test
    void missingDataIsAnErrorNamingThePath() throws IOException {
        Path cfg = tmp.resolve("nodata.yaml");
        Files.writeString(cfg, "name: nodata\ndata: {path: missing.npz}\n");
        assertEquals(1, run("experiment", cfg.toString(), "--out", tmp.resolve("run").toString()));
        assertTrue(err.toString().contains("missing.npz"), err.toString());
    }
}
