package attndx.data;

import attndx.core.AttndxException;
import attndx.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The optional {@code dataset.json} next to a {@code manifest.csv} (see the manifest format):
 * the dataset's name, task and class names in index order.
 *
 * @param name dataset name
 * @param task BINARY, MULTICLASS or MULTILABEL
 * @param classNames class (or label) names by index; binary: index 1 is the finding
 */
public record DatasetJson(String name, TaskType task, List<String> classNames) {
    /** The file name inside a dataset folder. */
    public static final String FILE = "dataset.json";

    public DatasetJson {
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** The dataset.json of {@code folder}, or null when the folder has none. */
    public static DatasetJson readIfPresent(Path folder) {
        Path f = folder.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        DatasetJson d = Json.read(f, DatasetJson.class);
        if (d.classNames() == null || d.classNames().isEmpty() || d.task() == null) {
            throw new AttndxException(f + " must give \"task\" and a non-empty \"classNames\", found task "
                    + d.task() + ", classNames " + d.classNames());
        }
        return d;
    }

    /** The entry describing {@code info}. */
    public static DatasetJson of(DatasetInfo info) {
        return new DatasetJson(info.name(), info.task(), info.classNames());
    }

    /** Writes this entry into {@code folder}. */
    public void write(Path folder) {
        Json.write(folder.resolve(FILE), this);
    }
}
