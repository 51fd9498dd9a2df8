package attndx.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small {@code .npz} files for tests, the way numpy does: a zip of version-1.0 {@code .npy} entries. */
public final class NpzFiles {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** Adds a uint8 array. */
    public NpzFiles u1(String key, int[] shape, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return add(key, "|u1", shape, b);
    }

    /** Adds a little-endian float32 array. */
    public NpzFiles f4(String key, int[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return add(key, "<f4", shape, b.array());
    }

    /** Adds a little-endian int64 array. */
    public NpzFiles i8(String key, int[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return add(key, "<i8", shape, b.array());
    }

    /** Adds an entry with raw bytes (for corrupt-entry tests). */
    public NpzFiles raw(String entryName, byte[] bytes) {
        entries.put(entryName, bytes);
        return this;
    }

    public NpzFiles add(String key, String descr, int[] shape, byte[] data) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + (shape.length == 1 ? "," : "") + "), }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.put(data);
        entries.put(key + ".npy", b.array());
        return this;
    }

    /** Writes the zip to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static int[] shape(int... dims) {
        return dims;
    }
}
