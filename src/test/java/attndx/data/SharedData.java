package attndx.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared real data (../shared, or the {@code attndx.shared} property); fails if missing. */
public final class SharedData {
    private SharedData() {}

    /** The shared file at {@code relative}, failing the test with a clear message when it is absent. */
    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("attndx.shared", "../shared"));
        Path p = root.resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("shared test data missing: " + p.toAbsolutePath() + " (set -Dattndx.shared=DIR)");
        }
        return p;
    }

    /** The PneumoniaMNIST train+val file. */
    public static Path pneumoniaMnist() {
        return file("data/pneumoniamnist/pneumoniamnist_trainval.npz");
    }

    /** A pydicom sample file (python3-pydicom is installed by .ci/run). */
    public static Path pydicom(String name) {
        Path p = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files", name);
        if (!Files.isRegularFile(p)) {
            fail("pydicom test file missing: " + p + " (install python3-pydicom, as .ci/run does)");
        }
        return p;
    }
}
