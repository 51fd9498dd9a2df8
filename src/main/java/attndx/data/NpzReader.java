package attndx.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import attndx.core.AttndxException;
import attndx.core.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every array of a numpy {@code .npz} file. The {@code .npy} decoding is DJL's own
 * ({@link NDList#decode(NDManager, InputStream)} recognises the npy magic); we walk the zip
 * ourselves, one entry at a time, so an error can name the key, and each array is copied to
 * the heap and its native copy freed with the per-file manager.
 */
public final class NpzReader {
    private NpzReader() {}

    /** The arrays of {@code file} by key, in file order. */
    public static Map<String, NpyArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("npz file not found: " + file);
        }
        Engines.configure();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile()); NDManager manager = NDManager.newBaseManager()) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String key = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(key, decode(manager, in, file, key));
                }
            }
        } catch (ZipException e) {
            throw new AttndxException("not a readable .npz (zip) file: " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AttndxException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return arrays;
    }

    private static NpyArray decode(NDManager manager, InputStream in, Path file, String key) {
        try (NDManager entryManager = manager.newSubManager()) {
            NDList list = NDList.decode(entryManager, in);
            if (list.size() != 1) {
                throw new AttndxException("key '" + key + "' of " + file + " is not a single .npy array");
            }
            NDArray array = list.singletonOrThrow();
            String dtype = array.getDataType().name().toLowerCase(Locale.ROOT);
            return new NpyArray(key, array.getShape().getShape(), dtype, array.toByteArray());
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            // DJL reports a bad header or an unsupported dtype this way; name where it happened.
            throw new AttndxException("cannot decode key '" + key + "' of " + file + " as a .npy array: "
                    + e.getMessage(), e);
        }
    }
}
