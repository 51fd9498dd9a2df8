package attndx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PhantomWriter;
import attndx.data.SplitRatios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal (SIGTERM, as {@code kill} or a batch scheduler sends; Ctrl-C takes the same exit path) during
 * {@code attndx train} ends the process as stopped, never as a JVM crash. Before {@code NativeWork} 2 of 6 such
 * signals crashed the JVM inside the backward pass; the signal lands at a different point of a step in each try.
 */
class StopSignalTest {
    private static final int TRIES = 8;
    /** Longer than {@code NativeWork.EXIT_WAIT_SECONDS}: the exit may wait that long for a step. */
    private static final long EXIT_WAIT_S = 60;

    @TempDir
    static Path tmp;
    private static Path data;

    @BeforeAll
    static void writePhantom() {
        Engines.configure();
        data = tmp.resolve("phantom");
        PhantomWriter.write(Phantom.render(new PhantomConfig(300, 32, 3, 0.5, 1, 2, 8, 0.02,
                new SplitRatios(0.9, 0.1, 0.0), null, null, null)), data);
    }

    @Test
    void aSigtermDuringTrainingStopsTheProcessWithoutACrash() throws Exception {
        for (int i = 0; i < TRIES; i++) {
            int attempt = i + 1;
            Path crash = tmp.resolve("hs_err-" + i + ".log");
            Path log = tmp.resolve("train-" + i + ".log");
            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + crash, "-Dai.djl.offline=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "train", "--data", data.toString(), "--width", "8",
                    "--epochs", "100", "--batch-size", "16", "--seed", Integer.toString(i + 1),
                    "--out", tmp.resolve("run-" + i).toString(), "--quiet"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitTrainingStart(child, log);
                // past the first steps, at a different point of a step each time
                Thread.sleep(2000 + 450L * i);
                assertTrue(child.isAlive(), "training ended before the signal:\n" + read(log));
                child.destroy();
                assertTrue(child.waitFor(EXIT_WAIT_S, TimeUnit.SECONDS), "no exit after SIGTERM");
            } finally {
                child.destroyForcibly();
            }
            assertFalse(Files.exists(crash), () -> "the JVM crashed on SIGTERM (try " + attempt + "):\n" + head(crash));
            assertEquals(143, child.exitValue(), () -> read(log));
        }
    }

    /** The kernel line is printed when the model first runs, right before the first step. */
    private static void awaitTrainingStart(Process child, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!read(log).contains("kernels:")) {
            assertTrue(child.isAlive(), () -> "training did not start:\n" + read(log));
            assertTrue(System.nanoTime() < deadline, () -> "no kernel line within 120 s:\n" + read(log));
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String head(Path file) {
        String text = read(file);
        return text.substring(0, Math.min(text.length(), 3000));
    }
}
