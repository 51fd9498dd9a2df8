package attndx.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable SHA-256 fingerprint of a dataset's content, for provenance: task, class names,
 * channels and, per sample in order, its id, patient id, split, label, image shape and pixel
 * values (float bits), mask and boxes. The name and the source path are left out, so the same
 * data read from another location has the same fingerprint; any changed pixel, label, id or
 * split changes it.
 */
public final class DatasetFingerprint {
    private static final int CHUNK = 1 << 16;

    private DatasetFingerprint() {}

    /** "sha256:" followed by 64 hex digits. */
    public static String of(Dataset dataset) {
        MessageDigest md = sha256();
        DatasetInfo info = dataset.info();
        text(md, info.task().name());
        text(md, String.join("\u0000", info.classNames()));
        ints(md, info.channels(), dataset.size());
        for (Sample s : dataset.samples()) {
            text(md, s.id());
            text(md, s.patientId());
            text(md, s.split() == null ? "" : s.split());
            ints(md, s.label().positives());
            ImageTensor img = s.image();
            ints(md, img.channels(), img.height(), img.width());
            floats(md, img.data());
            if (s.hasMask()) {
                floats(md, s.mask());
            } else {
                ints(md, -1);
            }
            for (Box b : s.boxes()) {
                ints(md, b.x0(), b.y0(), b.x1(), b.y1());
            }
            ints(md, s.boxes().size());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Length-prefixed so that ("ab","c") and ("a","bc") differ. */
    private static void text(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ints(md, b.length);
        md.update(b);
    }

    private static void ints(MessageDigest md, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length + 4);
        b.putInt(values.length);
        for (int v : values) {
            b.putInt(v);
        }
        md.update(b.array());
    }

    private static void floats(MessageDigest md, float[] values) {
        ints(md, values.length);
        ByteBuffer b = ByteBuffer.allocate(Math.min(values.length, CHUNK) * 4);
        for (int start = 0; start < values.length; start += CHUNK) {
            b.clear();
            int end = Math.min(values.length, start + CHUNK);
            for (int i = start; i < end; i++) {
                b.putInt(Float.floatToIntBits(values[i]));
            }
            md.update(b.array(), 0, b.position());
        }
    }
}
