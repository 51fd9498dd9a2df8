package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;

/**
 * The service behind {@code attndx data inspect}: a labelled dataset gets a {@link DatasetSummary}; DICOM
 * files without a manifest and without {@link LoadOptions#constantLabel()} carry no labels, and inspecting
 * them needs none, so they get a {@link DicomSummary} (header fields, pixel statistics, counts). Only the
 * commands that need labels (training, evaluation, splits, conversion) ask for them.
 */
public final class DatasetInspection {
    private DatasetInspection() {}

    /** Summarises {@code path}, or its split {@code split} (null: all; unlabelled DICOM has no splits). */
    public static InspectionSummary inspect(Path path, LoadOptions options, String split) {
        if (DatasetLoader.isUnlabelledDicom(path, options)) {
            if (split != null) {
                throw new AttndxException(path + " is DICOM without a manifest.csv and has no splits; inspect it"
                        + " without --split");
            }
            return DicomSummary.of(path, options);
        }
        return DatasetSummary.of(DatasetLoader.load(path, options), split);
    }
}
