package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.kernels.ProbeCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attndx doctor}: the verdict per kernel with the reason, and where it is cached. */
class DoctorCommandTest {
    @TempDir
    Path cache;

    @AfterEach
    void clear() {
        System.clearProperty(ProbeCache.DIR_PROPERTY);
        System.clearProperty("attndx.probe.simulate");
    }

    @Test
    void showsEachKernelsVerdictTheReasonAndTheCache() throws Exception {
        System.setProperty(ProbeCache.DIR_PROPERTY, cache.toString());
        System.setProperty("attndx.probe.simulate",
                "blocked=crash,fused_adam=wrong,channels_last=wrong");
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertEquals(0, cl.execute("doctor"), out.toString());
        String s = out.toString();
        assertTrue(s.contains("machine: "), s);
        assertTrue(s.matches("(?s).*oneDNN blocked +refused .*crashed in the probe \\(exit status 134, SIGABRT\\).*"), s);
        assertTrue(s.matches("(?s).*NNPACK Winograd workers +refused .*needs oneDNN blocked.*"), s);
        assertTrue(s.contains("verdict cached in " + cache), s);
        assertTrue(s.contains("kernels: plain (DJL's operators only;"), s);
        try (var files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("kernels-")).count());
        }
    }
}
