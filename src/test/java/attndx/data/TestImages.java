package attndx.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Small image files and manifests for loader tests. */
final class TestImages {
    private TestImages() {}

    /** A grey 8-bit image with value (y*w + x) * step at (x, y), written in {@code format}. */
    static Path grey8(Path file, int w, int h, int step, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (y * w + x) * step);
            }
        }
        write(img, format, file);
        return file;
    }

    /** A 16-bit grey PNG with value (y*w + x) * step. */
    static Path grey16(Path file, int w, int h, int step) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (y * w + x) * step);
            }
        }
        write(img, "png", file);
        return file;
    }

    /** An RGB image filled with one colour. */
    static Path rgb(Path file, int w, int h, int rgb, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        write(img, format, file);
        return file;
    }

    /** A manifest.csv with the given lines (header first). */
    static Path manifest(Path folder, String... lines) throws IOException {
        return Files.write(folder.resolve("manifest.csv"), List.of(lines));
    }

    private static void write(BufferedImage img, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }
}
