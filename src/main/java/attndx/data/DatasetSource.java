package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;

/**
 * Reads a dataset from a file or folder. Commands that read datasets take one, so tests can plug
 * in a generator (e.g. {@link Phantom}) and the application plugs in the real loaders.
 */
@FunctionalInterface
public interface DatasetSource {

    /** The dataset at {@code path}; a missing or malformed input is an {@code AttndxException} naming it. */
    Dataset load(Path path);

    /**
     * The application's loader entry point. The loaders (MedMNIST npz, CSV manifest folder, DICOM) are
     * merged separately; until then every read is a user error naming the path.
     */
    static DatasetSource standard() {
        return path -> {
            throw new AttndxException("cannot read dataset " + path + ": this build has no dataset loaders");
        };
    }
}
