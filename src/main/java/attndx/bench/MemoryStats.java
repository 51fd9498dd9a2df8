package attndx.bench;

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

    /** Current resident set size in KiB, or -1 where /proc is unavailable. */
    public static long rssKb() {
        return field("VmRSS:");
    }

    /** Peak resident set size in KiB, or -1 where /proc is unavailable. */
    public static long peakRssKb() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
