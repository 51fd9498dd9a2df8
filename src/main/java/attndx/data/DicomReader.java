package attndx.data;

import attndx.core.AttndxException;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.plugin.DICOM;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads one single-frame DICOM file with ImageJ ({@code ij.plugin.DICOM}) into a [0,1] image.
 * Grey-scale pixels are taken with ImageJ's calibration, which applies Rescale Slope/Intercept
 * (0028,1053/1052); then the DICOM linear VOI window (PS3.3 C.11.2.1.2, Window Center/Width
 * 0028,1050/1051, first value when several) maps them to [0,1], or, without a window, the min-max
 * of the rescaled image does; MONOCHROME1 is inverted so bright always means dense. RGB files
 * are scaled by 1/255.
 *
 * <p>Only uncompressed transfer syntaxes (implicit/explicit VR little endian, explicit big
 * endian) are read; compressed files (JPEG, JPEG 2000, RLE, ...) are refused with a clear error,
 * because ImageJ does not decode them and would otherwise return an empty image.
 */
public final class DicomReader {
    private static final Map<String, String> UNCOMPRESSED = Map.of(
            "1.2.840.10008.1.2", "implicit VR little endian",
            "1.2.840.10008.1.2.1", "explicit VR little endian",
            "1.2.840.10008.1.2.2", "explicit VR big endian");

    private DicomReader() {}

    /**
     * A decoded DICOM image.
     *
     * @param image the windowed image in [0,1] (1 channel, or 3 for RGB)
     * @param patientId Patient ID (0010,0020), trimmed; null when absent or empty
     * @param header the top-level header values by tag "gggg,eeee"
     */
    public record DicomImage(ImageTensor image, String patientId, Map<String, String> header) {}

    /** Reads {@code file}; every failure is an {@link AttndxException} naming it. */
    public static DicomImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("DICOM file not found: " + file);
        }
        Map<String, String> header = DicomHeader.parse(new DICOM().getInfo(file.toString()));
        if (header.isEmpty()) {
            throw new AttndxException("not a readable DICOM file (no DICM preamble or file meta header): " + file);
        }
        checkTransferSyntax(file, header.get(DicomHeader.TRANSFER_SYNTAX));
        DICOM dicom = new DICOM();
        dicom.open(file.toString());
        checkPixels(file, dicom);
        ImageTensor image = dicom.getProcessor() instanceof ColorProcessor cp ? rgb(cp) : grey(dicom, header, file);
        String pid = header.get(DicomHeader.PATIENT_ID);
        return new DicomImage(image, pid == null || pid.isBlank() ? null : pid, header);
    }

    private static void checkTransferSyntax(Path file, String uid) {
        // A file without a transfer syntax uses the DICOM default, implicit VR little endian.
        if (uid != null && !UNCOMPRESSED.containsKey(uid)) {
            throw new AttndxException("unsupported (compressed) transfer syntax " + uid + " in DICOM file " + file
                    + "; only uncompressed syntaxes " + new java.util.TreeMap<>(UNCOMPRESSED)
                    + " are read: decompress it first (e.g. gdcmconv --raw or dcmdjpeg)");
        }
    }

    private static void checkPixels(Path file, ImagePlus dicom) {
        if (dicom.getWidth() == 0 || dicom.getProcessor() == null) {
            throw new AttndxException("DICOM file has no readable image pixel data: " + file);
        }
        if (dicom.getStackSize() > 1) {
            throw new AttndxException("DICOM file has " + dicom.getStackSize() + " frames, only single-frame images are read: "
                    + file);
        }
        FileInfo fi = dicom.getOriginalFileInfo();
        long needed = fi.offset + (long) fi.width * fi.height * fi.getBytesPerPixel() * Math.max(1, fi.nImages);
        long length = new File(file.toString()).length();
        if (length < needed) {
            // ImageJ pads a short read silently; a truncated file must not become a zero-filled image.
            throw new AttndxException("DICOM file is truncated: pixel data needs " + needed + " bytes, file has "
                    + length + ": " + file);
        }
    }

    private static ImageTensor grey(ImagePlus dicom, Map<String, String> header, Path file) {
        ImageProcessor ip = dicom.getProcessor();
        int w = ip.getWidth();
        int h = ip.getHeight();
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // getPixelValue applies ImageJ's calibration = the DICOM rescale (and undoes its signed offset).
                v[y * w + x] = ip.getPixelValue(x, y);
            }
        }
        double[] window = DicomHeader.window(header, file);
        if (window != null) {
            applyWindow(v, window[0], window[1]);
        } else {
            MinMax.scaleToUnit(v);
        }
        if ("MONOCHROME1".equals(header.get(DicomHeader.PHOTOMETRIC))) {
            for (int i = 0; i < v.length; i++) {
                v[i] = 1f - v[i];
            }
        }
        return new ImageTensor(1, h, w, v);
    }

    /** DICOM linear VOI LUT (PS3.3 C.11.2.1.2.1) with output range [0,1]. */
    static void applyWindow(float[] v, double centre, double width) {
        double lo = centre - 0.5 - (width - 1) / 2;
        double hi = centre - 0.5 + (width - 1) / 2;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            v[i] = x <= lo ? 0f : x > hi ? 1f : (float) ((x - (centre - 0.5)) / (width - 1) + 0.5);
        }
    }

    private static ImageTensor rgb(ColorProcessor cp) {
        int w = cp.getWidth();
        int h = cp.getHeight();
        int n = w * h;
        float[] v = new float[3 * n];
        int[] pixels = (int[]) cp.getPixels();
        for (int i = 0; i < n; i++) {
            v[i] = ((pixels[i] >> 16) & 0xFF) / 255f;
            v[n + i] = ((pixels[i] >> 8) & 0xFF) / 255f;
            v[2 * n + i] = (pixels[i] & 0xFF) / 255f;
        }
        return new ImageTensor(3, h, w, v);
    }
}
