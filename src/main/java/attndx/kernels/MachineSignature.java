package attndx.kernels;

import attndx.core.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a kernel verdict depends on: the CPU (vendor, family, model, name, feature flags), the cache sizes as
 * the OS reports them (oneDNN sizes its blocks from them; a VM that reports none crashed oneDNN's sum), the
 * libtorch build, the AttnDx version and the version of the probe's checks. Two machines with equal
 * signatures share a cached verdict.
 *
 * @param caches e.g. "L1d 48K, L1i 32K, L2 1024K, L3 32768K", or "none reported"
 */
public record MachineSignature(String vendor, String family, String model, String modelName, String flags,
        String caches, String cores, String libtorch, String attndx, int probe) {

    /** The version of the probe's checks: raise it when they change, so cached verdicts are probed again. */
    public static final int PROBE_VERSION = 3;

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path CACHE = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** The signature of this machine and process. */
    public static MachineSignature current() {
        List<String> cpu = firstProcessor();
        return new MachineSignature(field(cpu, "vendor_id"), field(cpu, "cpu family"), field(cpu, "model"),
                field(cpu, "model name"), field(cpu, "flags"), readCaches(),
                String.valueOf(Runtime.getRuntime().availableProcessors()), Provenance.Version.engine(),
                Provenance.Version.attndx(), PROBE_VERSION);
    }

    /** A short stable key of the whole signature (16 hex digits of its SHA-256), for the cache file's name. */
    public String key() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** One line for people: "AuthenticAMD family 26 model 2 (AMD EPYC), 2 cores, caches L1d 48K, ...". */
    public String describe() {
        return vendor + " family " + family + " model " + model + " (" + modelName + "), " + cores + " cores, caches "
                + caches + ", " + libtorch + ", AttnDx " + attndx;
    }

    private static List<String> firstProcessor() {
        List<String> lines = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(CPUINFO)) {
                if (l.isBlank() && !lines.isEmpty()) {
                    break;
                }
                lines.add(l);
            }
        } catch (IOException e) {
            // Not Linux or no /proc: the signature says "unknown" and the probe still decides.
        }
        return lines;
    }

    private static String field(List<String> cpu, String name) {
        for (String l : cpu) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).trim().equals(name)) {
                return l.substring(colon + 1).trim();
            }
        }
        return "unknown";
    }

    private static String readCaches() {
        if (!Files.isDirectory(CACHE)) {
            return "none reported";
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CACHE)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                String type = read(d.resolve("type"));
                out.add("L" + read(d.resolve("level")) + (type.startsWith("Data") ? "d" : type.startsWith("Instr")
                        ? "i" : "") + " " + read(d.resolve("size")));
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return out.isEmpty() ? "none reported" : String.join(", ", out);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
