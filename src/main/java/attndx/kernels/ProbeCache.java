package attndx.kernels;

import attndx.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The probe's verdicts on disk, one JSON file per {@link MachineSignature#key machine signature}, so only the
 * first process on a machine pays for the probe. The folder is {@code -Dattndx.cache.dir}, else
 * {@code $XDG_CACHE_HOME/attndx}, else {@code ~/.cache/attndx}. A missing, read-only or unwritable folder is
 * not an error (the probe simply runs again next time); an unreadable or corrupt file is ignored and replaced.
 */
public final class ProbeCache {
    /** The system property that overrides the folder (tests use it). */
    public static final String DIR_PROPERTY = "attndx.cache.dir";

    private final Path dir;

    /** A cache in {@code dir}. */
    public ProbeCache(Path dir) {
        this.dir = dir;
    }

    /** The cache in the folder the class comment names. */
    public static ProbeCache standard() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new ProbeCache(Path.of(override));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ProbeCache(base.resolve("attndx"));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The file holding the verdict for {@code machine}. */
    public Path file(MachineSignature machine) {
        return dir.resolve("kernels-" + machine.key() + ".json");
    }

    /** The cached verdict for exactly {@code machine}; empty when absent, unreadable, corrupt or for another machine. */
    public Optional<ProbeVerdict> read(MachineSignature machine) {
        Path f = file(machine);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            ProbeVerdict v = Json.mapper().readValue(f.toFile(), ProbeVerdict.class);
            return machine.equals(v.machine()) ? Optional.of(v) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code verdict} (to a temporary file, then renamed, so a reader never sees half a file).
     *
     * @return empty on success, else why it could not be written (the caller reports it and carries on)
     */
    public Optional<String> write(ProbeVerdict verdict) {
        Path f = file(verdict.machine());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "kernels-", ".tmp");
            Json.mapper().writeValue(tmp.toFile(), verdict);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write the kernel cache " + f + ": " + e.getMessage());
        }
    }
}
