package attndx.data;

import attndx.core.AttndxException;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a [0,1] {@link ImageTensor} as an 8- or 16-bit grey or RGB PNG (value * (2^bits - 1),
 * rounded), the inverse of {@link ImageFiles#read(Path)}: an 8-bit source written at 8 bits
 * reads back bit-exactly.
 */
public final class PngWriter {
    private PngWriter() {}

    /** Writes {@code image} to {@code file} with {@code bits} = 8 or 16 bits per sample. */
    public static void write(ImageTensor image, int bits, Path file) {
        try {
            java.nio.file.Files.write(file, encode(image, bits));
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The PNG bytes of {@code image} (values clipped to [0,1], scaled to the bit depth's full range). */
    public static byte[] encode(ImageTensor image, int bits) {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("png bits must be 8 or 16, got " + bits);
        }
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("png needs 1 or 3 channels, got " + image.channels());
        }
        ColorSpace space = ColorSpace.getInstance(image.channels() == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int type = bits == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        ComponentColorModel cm = new ComponentColorModel(space, false, false, Transparency.OPAQUE, type);
        WritableRaster raster = cm.createCompatibleWritableRaster(image.width(), image.height());
        int max = (1 << bits) - 1;
        int n = image.pixels();
        int[] band = new int[n];
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < n; i++) {
                float v = image.data()[c * n + i];
                band[i] = Math.round(Math.max(0f, Math.min(1f, v)) * max);
            }
            raster.setSamples(0, 0, image.width(), image.height(), c, band);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            if (!ImageIO.write(new BufferedImage(cm, raster, false, null), "png", bytes)) {
                throw new AttndxException("no PNG writer for a " + image.channels() + "-channel " + bits + "-bit image");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("PNG encoding in memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes a {0,1} mask as an 8-bit PNG (0 / 255). */
    public static void writeMask(float[] mask, int height, int width, Path file) {
        write(new ImageTensor(1, height, width, mask), 8, file);
    }
}
