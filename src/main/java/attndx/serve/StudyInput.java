package attndx.serve;

import attndx.data.ImageFiles;
import attndx.data.ImageTensor;
import java.nio.file.Path;

/**
 * One study to assess: an image already in memory (from a dataset or an upload) or a file read when its batch
 * runs, so a large folder is never held in memory at once.
 *
 * @param id the study's display id (file name, dataset sample id)
 * @param source where it came from (path, "file.npz#test[3]", upload name)
 * @param file the image file to read, or null when {@code image} is given
 * @param image the [0,1] image, or null when {@code file} is given
 */
public record StudyInput(String id, String source, Path file, ImageTensor image) {

    public StudyInput {
        if ((file == null) == (image == null)) {
            throw new IllegalArgumentException("a study needs exactly one of file and image (" + id + ")");
        }
    }

    /** The study's [0,1] image (reads the file; errors name it). */
    public ImageTensor load() {
        return image != null ? image : ImageFiles.read(file);
    }
}
