package attndx.data;

import java.util.List;

/** What {@code attndx data inspect} prints (and writes as JSON): a labelled dataset's or an unlabelled DICOM set's summary. */
public interface InspectionSummary {
    /** The summary as lines of text for a terminal. */
    List<String> toLines();
}
