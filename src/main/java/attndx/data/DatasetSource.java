package attndx.data;

import java.nio.file.Path;

/**
 * Reads a dataset from a file or folder. Commands that read datasets take one, so tests can plug
 * in a generator (e.g. {@link Phantom}) and the application plugs in the real loaders.
 */
@FunctionalInterface
public interface DatasetSource {

    /** The dataset at {@code path}; a missing or malformed input is an {@code AttndxException} naming it. */
    Dataset load(Path path);

    /** The application's loaders ({@link DatasetLoader}) with default options. */
    static DatasetSource standard() {
        return path -> DatasetLoader.load(path, LoadOptions.defaults()).dataset();
    }
}
