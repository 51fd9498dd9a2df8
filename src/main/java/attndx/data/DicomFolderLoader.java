package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a folder of DICOM files that has no {@code manifest.csv} (a folder with a manifest is read
 * by {@link ManifestLoader}, which also reads .dcm rows): every {@code .dcm} file directly in the
 * folder, in name order, or a single .dcm file. Such files carry no diagnosis, so every image gets
 * the user-given {@link LoadOptions#constantLabel()} (typically for inference on unlabelled
 * studies); class names are {@link LoadOptions#classNames()} (which must contain it) or just that
 * label. The patient id is the header's Patient ID (0010,0020), or the file name when it is empty
 * (anonymised data). Sample ids are the file names.
 */
public final class DicomFolderLoader {
    private DicomFolderLoader() {}

    /** Loads a .dcm file or a folder of them. */
    public static LoadedDataset load(Path path, LoadOptions options) {
        String label = options.constantLabel();
        if (label == null) {
            throw new AttndxException(path + " is DICOM without a manifest.csv: give the label of every image"
                    + " (option constantLabel / --label NAME) or add a manifest.csv with labels");
        }
        List<String> names = options.classNames() != null ? options.classNames() : List.of(label);
        int index = names.indexOf(label);
        if (index < 0) {
            throw new AttndxException("constant label '" + label + "' is not one of the class names " + names);
        }
        TaskType task = options.task() != null ? options.task()
                : names.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        BadRows bad = new BadRows(options.skipBadRows());
        List<Sample> samples = new ArrayList<>();
        for (Path file : files(path)) {
            try {
                DicomReader.DicomImage d = DicomReader.read(file);
                String id = file.getFileName().toString();
                samples.add(new Sample(id, d.image(), Label.of(index), d.patientId() != null ? d.patientId() : id,
                        null, List.of(), file.toString(), null));
            } catch (AttndxException e) {
                bad.handle("DICOM file " + file.getFileName(), e);
            }
        }
        int channels = samples.stream().mapToInt(s -> s.image().channels()).max().orElse(1);
        if (samples.stream().anyMatch(s -> s.image().channels() != channels)) {
            throw new AttndxException(path + " mixes grey-scale and RGB DICOM images; load them separately");
        }
        String name = options.name() != null ? options.name() : path.toAbsolutePath().normalize().getFileName().toString();
        DatasetInfo info = new DatasetInfo(name, task, names, channels, path.toString());
        return new LoadedDataset(new InMemoryDataset(info, samples), bad.report());
    }

    /** The .dcm file, or the folder's .dcm files in name order. */
    static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> files = s.filter(p -> Files.isRegularFile(p) && ImageFiles.isDicom(p)).sorted().toList();
            if (files.isEmpty()) {
                throw new AttndxException("no .dcm files in " + path);
            }
            return files;
        } catch (IOException e) {
            throw new AttndxException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
