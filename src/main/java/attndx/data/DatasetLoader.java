package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The single entry point for reading a dataset; picks the loader from the path:
 * a {@code .npz} file -&gt; {@link MedMnistLoader}; a folder with {@code manifest.csv} -&gt;
 * {@link ManifestLoader}; a {@code .dcm} file or a folder of .dcm files -&gt; {@link DicomFolderLoader}.
 */
public final class DatasetLoader {
    private DatasetLoader() {}

    /** Loads {@code path} with {@code options}. */
    public static LoadedDataset load(Path path, LoadOptions options) {
        if (!Files.exists(path)) {
            throw new AttndxException("dataset not found: " + path);
        }
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (n.endsWith(".npz")) {
                return MedMnistLoader.load(path, options);
            }
            if (ImageFiles.isDicom(path)) {
                return DicomFolderLoader.load(path, options);
            }
            if (n.equals(ManifestLoader.MANIFEST)) {
                return ManifestLoader.load(path.toAbsolutePath().getParent(), options);
            }
            throw new AttndxException("unsupported dataset file " + path
                    + ": expected a MedMNIST .npz, a .dcm file, or a folder with manifest.csv");
        }
        if (Files.isRegularFile(path.resolve(ManifestLoader.MANIFEST))) {
            return ManifestLoader.load(path, options);
        }
        if (hasDicom(path)) {
            return DicomFolderLoader.load(path, options);
        }
        throw new AttndxException("folder " + path + " has neither a manifest.csv nor .dcm files");
    }

    /**
     * Whether {@code path} is read by {@link DicomFolderLoader} (a .dcm file, or a folder of them without a
     * manifest.csv) and no constant label is given: such data has no labels.
     */
    public static boolean isUnlabelledDicom(Path path, LoadOptions options) {
        if (options.constantLabel() != null || !Files.exists(path)) {
            return false;
        }
        if (Files.isRegularFile(path)) {
            return ImageFiles.isDicom(path);
        }
        return !Files.isRegularFile(path.resolve(ManifestLoader.MANIFEST)) && hasDicom(path);
    }

    private static boolean hasDicom(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(ImageFiles::isDicom);
        } catch (IOException e) {
            throw new AttndxException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
