package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the header dump ImageJ produces for a DICOM file (lines "gggg,eeee  Name: value") into
 * tag -&gt; value, keeping the first occurrence of a tag (the top-level element: ImageJ lists
 * sequence items after it), and reads the few values the reader needs.
 */
final class DicomHeader {
    static final String TRANSFER_SYNTAX = "0002,0010";
    static final String PATIENT_ID = "0010,0020";
    static final String PHOTOMETRIC = "0028,0004";
    static final String WINDOW_CENTER = "0028,1050";
    static final String WINDOW_WIDTH = "0028,1051";

    private DicomHeader() {}

    static Map<String, String> parse(String info) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (info == null) {
            return tags;
        }
        for (String line : info.split("\n")) {
            int colon = line.indexOf(':');
            if (line.length() > 9 && line.charAt(4) == ',' && colon > 9) {
                tags.putIfAbsent(line.substring(0, 9), line.substring(colon + 1).trim());
            }
        }
        return tags;
    }

    /** {centre, width} from the first window values, or null when the file has no window. */
    static double[] window(Map<String, String> header, Path file) {
        String c = header.get(WINDOW_CENTER);
        String w = header.get(WINDOW_WIDTH);
        if (c == null || w == null || c.isEmpty() || w.isEmpty()) {
            return null;
        }
        try {
            double centre = Double.parseDouble(c.split("\\\\")[0].trim());
            double width = Double.parseDouble(w.split("\\\\")[0].trim());
            if (width < 1) {
                throw new AttndxException("DICOM Window Width (0028,1051) must be >= 1, found " + w + " in " + file);
            }
            return new double[] {centre, width};
        } catch (NumberFormatException e) {
            throw new AttndxException("DICOM window (0028,1050/1051) is not numeric: centre '" + c + "', width '" + w
                    + "' in " + file, e);
        }
    }
}
