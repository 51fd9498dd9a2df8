package attndx.bench;

import java.util.OptionalLong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Minor page faults of this process so far (field 10 of {@code /proc/self/stat}, Linux): when the
 * allocator hands large tensor buffers back to the OS and maps them again, every page costs a fault.
 */
final class MinorFaults {
    private MinorFaults() {}

    /** The count; empty where /proc is unavailable (the report then prints "n/a", never 0). */
    static OptionalLong count() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[7]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
