package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive (a zip of {@code .npy} files, format version 1.0, C order, little-endian):
 * float32 arrays, int64 arrays, booleans and fixed-width unicode strings ({@code <U}, readable by
 * {@code numpy.load} without pickles). Add the arrays, then {@link #close}; the archive is written to a temporary
 * file and renamed, so an interrupted write leaves no half archive under the final name.
 */
public final class NpzWriter implements AutoCloseable {
    private final Path file;
    private final Path tmp;
    private final ZipOutputStream zip;

    public NpzWriter(Path file) {
        this.file = file;
        this.tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            this.zip = new ZipOutputStream(Files.newOutputStream(tmp));
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A float32 array of the given shape (values in C order). */
    public NpzWriter floats(String key, float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return entry(key, "<f4", shape, b.array(), values.length);
    }

    /** An int64 array of the given shape. */
    public NpzWriter longs(String key, long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return entry(key, "<i8", shape, b.array(), values.length);
    }

    /** A boolean vector. */
    public NpzWriter booleans(String key, boolean[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return entry(key, "|b1", new long[] {values.length}, b, values.length);
    }

    /** A vector of strings as {@code <U<longest>} (UTF-32 little-endian, zero-padded). */
    public NpzWriter strings(String key, String[] values) {
        int width = 1;
        for (String s : values) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : values) {
            int[] cps = s.codePoints().toArray();
            for (int c = 0; c < width; c++) {
                b.putInt(c < cps.length ? cps[c] : 0);
            }
        }
        return entry(key, "<U" + width, new long[] {values.length}, b.array(), values.length);
    }

    private NpzWriter entry(String key, String descr, long[] shape, byte[] data, long count) {
        long expected = 1;
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            expected *= d;
            dims.append(d).append(shape.length == 1 ? "," : ", ");
        }
        if (expected != count) {
            throw new IllegalArgumentException(key + ": " + count + " values do not fill shape "
                    + java.util.Arrays.toString(shape));
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims.toString().replaceAll(", $", "") + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        try {
            zip.putNextEntry(new ZipEntry(key + ".npy"));
            OutputStream o = zip;
            o.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            int len = header.length();
            o.write(new byte[] {(byte) (len & 0xFF), (byte) (len >> 8)});
            o.write(header.getBytes(StandardCharsets.US_ASCII));
            o.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new AttndxException("cannot write " + key + " to " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Finishes the archive and moves it to its name. */
    @Override
    public void close() {
        try {
            zip.close();
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
