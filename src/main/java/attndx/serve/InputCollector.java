package attndx.serve;

import attndx.core.AttndxException;
import attndx.data.DatasetLoader;
import attndx.data.ImageFiles;
import attndx.data.LoadOptions;
import attndx.data.ManifestLoader;
import attndx.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the inputs of {@code attndx predict} into studies: image files (PNG, JPEG, TIFF, DICOM) as they are; a
 * MedMNIST {@code .npz}, a {@code manifest.csv} or a folder holding one through the dataset loaders (every
 * split, in file order); any other folder as the image files under it, sorted by path.
 */
public final class InputCollector {
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".tif", ".tiff", ".dcm", ".dicom");

    private InputCollector() {}

    /** The studies of {@code inputs}, in the order given. */
    public static List<StudyInput> collect(List<Path> inputs) {
        List<StudyInput> out = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new AttndxException("input not found: " + p);
            }
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p) && !Files.isRegularFile(p.resolve(ManifestLoader.MANIFEST))) {
                imagesUnder(p).forEach(f -> out.add(file(f)));
            } else if (Files.isDirectory(p) || name.endsWith(".npz") || name.endsWith(".csv")) {
                out.addAll(dataset(p));
            } else if (isImage(p)) {
                out.add(file(p));
            } else {
                throw new AttndxException("unsupported input " + p + ": expected an image (PNG, JPEG, TIFF, DICOM),"
                        + " a folder, a manifest.csv or a MedMNIST .npz");
            }
        }
        if (out.isEmpty()) {
            throw new AttndxException("no images found in " + inputs);
        }
        return out;
    }

    private static StudyInput file(Path f) {
        return new StudyInput(f.getFileName().toString(), f.toString(), f, null);
    }

    private static List<StudyInput> dataset(Path p) {
        if (Files.isRegularFile(p) && p.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                && !p.getFileName().toString().equals(ManifestLoader.MANIFEST)) {
            throw new AttndxException("CSV input " + p + " must be named " + ManifestLoader.MANIFEST
                    + " (columns path,label,patient_id, see the README's data formats)");
        }
        List<StudyInput> out = new ArrayList<>();
        for (Sample s : DatasetLoader.load(p, LoadOptions.defaults()).dataset().samples()) {
            out.add(new StudyInput(s.id(), s.source(), null, s.image()));
        }
        return out;
    }

    private static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(n::endsWith) || ImageFiles.isDicom(f);
    }

    private static List<Path> imagesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(InputCollector::isImage).sorted().toList();
        } catch (IOException e) {
            throw new AttndxException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
