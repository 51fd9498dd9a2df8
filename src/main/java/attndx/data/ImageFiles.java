package attndx.data;

import attndx.core.AttndxException;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one image file into a [0,1] {@link ImageTensor}: PNG (8 or 16 bit), JPEG and TIFF
 * through the JDK's ImageIO (TIFF since Java 9), grey or RGB (an alpha channel is dropped),
 * each sample divided by its maximum (2^bits - 1: 255 for 8-bit, 65535 for 16-bit); {@code .dcm}
 * files through {@link DicomReader}. Also reads lesion masks (nonzero = lesion).
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Whether {@code file} is read as DICOM (by its extension). */
    public static boolean isDicom(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".dcm") || n.endsWith(".dicom");
    }

    /** Reads an image (any supported format, DICOM included). */
    public static ImageTensor read(Path file) {
        if (isDicom(file)) {
            return DicomReader.read(file).image();
        }
        return toTensor(decode(file), file);
    }

    /** Reads a mask as H*W values in {0,1}: 1 where any channel is nonzero. */
    public static float[] readMask(Path file, int expectHeight, int expectWidth) {
        ImageTensor m = toTensor(decode(file), file);
        if (m.height() != expectHeight || m.width() != expectWidth) {
            throw new AttndxException("mask " + file + " is " + m.height() + "x" + m.width() + ", image is "
                    + expectHeight + "x" + expectWidth + " (HxW)");
        }
        float[] out = new float[m.pixels()];
        for (int c = 0; c < m.channels(); c++) {
            for (int p = 0; p < out.length; p++) {
                if (m.data()[c * out.length + p] != 0f) {
                    out[p] = 1f;
                }
            }
        }
        return out;
    }

    private static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("image file not found: " + file);
        }
        try {
            BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
            if (img == null) {
                throw new AttndxException("not a readable image (PNG, JPEG, TIFF or DICOM expected): " + file);
            }
            return img;
        } catch (IOException | RuntimeException e) {
            if (e instanceof AttndxException ae) {
                throw ae;
            }
            // ImageIO signals truncated or corrupt data with IIOException or runtime errors from its decoders.
            throw new AttndxException("corrupt or unreadable image " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A decoded image as a [0,1] tensor, with the conventions of {@link #read(Path)} ({@code file} names it in
     * errors); for callers that decode themselves, e.g. an upload checked for its size before decoding.
     */
    public static ImageTensor toTensor(BufferedImage img, Path file) {
        ColorModel cm = img.getColorModel();
        if (cm instanceof IndexColorModel) {
            return fromRgb(img);
        }
        Raster r = img.getRaster();
        int bands = cm.getNumColorComponents();
        int type = r.getDataBuffer().getDataType();
        if ((bands != 1 && bands != 3) || type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            throw new AttndxException("unsupported image layout in " + file + ": " + bands
                    + " colour components, data type " + type + "; expected 8/16-bit grey or RGB");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        float[] v = new float[bands * w * h];
        int[] row = new int[w];
        for (int b = 0; b < bands; b++) {
            float max = (float) ((1L << r.getSampleModel().getSampleSize(b)) - 1);
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    v[(b * h + y) * w + x] = row[x] / max;
                }
            }
        }
        return new ImageTensor(bands, h, w, v);
    }

    /** A palette image: grey when every palette entry is grey, else RGB. */
    private static ImageTensor fromRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int n = w * h;
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        boolean grey = true;
        for (int p : argb) {
            grey &= ((p >> 16) & 0xFF) == (p & 0xFF) && ((p >> 8) & 0xFF) == (p & 0xFF);
        }
        float[] v = new float[(grey ? 1 : 3) * n];
        for (int i = 0; i < n; i++) {
            if (grey) {
                v[i] = (argb[i] & 0xFF) / 255f;
            } else {
                v[i] = ((argb[i] >> 16) & 0xFF) / 255f;
                v[n + i] = ((argb[i] >> 8) & 0xFF) / 255f;
                v[2 * n + i] = (argb[i] & 0xFF) / 255f;
            }
        }
        return new ImageTensor(grey ? 1 : 3, h, w, v);
    }
}
