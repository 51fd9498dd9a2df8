package attndx.bench;

import attndx.core.AttndxException;
import java.util.OptionalLong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): VmRSS (now) and VmHWM (peak).
 * Native tensors are invisible to the JVM heap, so these are the numbers that show a native leak.
 */
public final class MemoryStats {
    private static final Path STATUS = Path.of("/proc/self/status");

    private MemoryStats() {}

    /** Why resident memory cannot be read here, for a skipped test or an "n/a" in a report. */
    public static final String UNAVAILABLE = "resident memory is not readable here (" + STATUS + ")";

    /** Current resident set size in KiB; empty where /proc is unavailable (never a made-up number). */
    public static OptionalLong rssKb() {
        return field("VmRSS:");
    }

    /** Peak resident set size in KiB; empty where /proc is unavailable. */
    public static OptionalLong peakRssKb() {
        return field("VmHWM:");
    }

    /** Current resident set size in KiB, for a measurement that means nothing without it. */
    public static long requireRssKb() {
        return rssKb().orElseThrow(() -> new AttndxException(UNAVAILABLE + ": the memory soak cannot measure"));
    }

    /** KiB as whole MiB, or "n/a". */
    public static String mib(OptionalLong kb) {
        return kb.isPresent() ? String.valueOf(kb.getAsLong() / 1024) : "n/a";
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(Long.parseLong(line.substring(name.length()).replace("kB", "").trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
