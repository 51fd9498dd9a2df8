package attndx.data;

import java.nio.file.Path;

/**
 * Reads a dataset from a file or folder. Commands that read datasets take one, so tests can plug
 * in a generator (e.g. {@link Phantom}) and the application plugs in the real loaders.
 */
@FunctionalInterface
public interface DatasetSource {

    /**
     * The dataset at {@code path} read with {@code options}; a missing or malformed input is an
     * {@code AttndxException} naming it.
     */
    Dataset load(Path path, LoadOptions options);

    /** The application's loaders ({@link DatasetLoader}). */
    static DatasetSource standard() {
        return (path, options) -> DatasetLoader.load(path, options).dataset();
    }
}
