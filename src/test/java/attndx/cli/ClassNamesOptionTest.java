package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.NpzFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --classes} with more names than the data's labels (three names for a two-class file) is refused
 * when the data is read, by every command that takes it, before any work starts.
 */
class ClassNamesOptionTest {
    @TempDir
    static Path tmp;
    private static Path npz;

    @BeforeAll
    static void writeTwoClassFile() throws IOException {
        int n = 8;
        int[] pixels = new int[n * 4 * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            pixels[i * 16 + i % 16] = 200;
        }
        npz = new NpzFiles().u1("train_images", NpzFiles.shape(n, 4, 4), pixels)
                .u1("train_labels", NpzFiles.shape(n, 1), labels).write(tmp.resolve("two.npz"));
    }

    private static void assertRefused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--classes", "a,b,c"));
        int code = cl.execute(all.toArray(new String[0]));
        assertEquals(1, code, String.join(" ", args) + ": " + out + err);
        assertTrue(err.toString().contains("3 class names [a, b, c]") && err.toString().contains("two.npz"),
                err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
    }

    @Test
    void everyCommandTakingClassesRefusesMoreNamesThanLabels() {
        Path run = tmp.resolve("run");
        assertRefused("train", "--data", npz.toString(), "--out", run.toString(), "--width", "8", "--epochs", "1",
                "--quiet");
        assertFalse(Files.exists(run.resolve("config.json")), "no run may be started");
        assertRefused("evaluate", "--model", tmp.resolve("no-model").toString(), "--data", npz.toString());
        assertRefused("data", "inspect", npz.toString());
        assertRefused("data", "convert", npz.toString(), tmp.resolve("converted").toString());
        assertRefused("data", "split", npz.toString(), "--out", tmp.resolve("s.csv").toString());
        assertRefused("data", "qc", npz.toString());
    }
}
