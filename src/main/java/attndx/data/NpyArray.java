package attndx.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;

/**
 * One array of an {@code .npz} file, copied to the Java heap: its key, shape, numpy dtype name
 * and raw element bytes (C order, native byte order).
 *
 * @param key array name (the zip entry name without ".npy")
 * @param shape dimensions
 * @param dtype element type, lower case ("uint8", "int64", "float32", "boolean", ...)
 * @param data the elements' bytes
 */
public record NpyArray(String key, long[] shape, String dtype, byte[] data) {
    private static final Set<String> INTEGER_TYPES = Set.of("uint8", "int8", "int16", "int32", "int64", "boolean");

    /** Number of elements. */
    public long size() {
        return Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
    }

    /** Whether the elements are integers (or booleans), readable with {@link #longAt(int)}. */
    public boolean isInteger() {
        return INTEGER_TYPES.contains(dtype);
    }

    /** Element i (flat, C order) of an integer array. */
    public long longAt(int i) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        return switch (dtype) {
            case "uint8", "boolean" -> data[i] & 0xFF;
            case "int8" -> data[i];
            case "int16" -> b.getShort(2 * i);
            case "int32" -> b.getInt(4 * i);
            case "int64" -> b.getLong(8 * i);
            default -> throw new IllegalStateException("not an integer array: " + key + " (" + dtype + ")");
        };
    }

    /** The shape as numpy prints it, e.g. "(4708, 28, 28)". */
    public String shapeString() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
