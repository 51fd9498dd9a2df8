package attndx.explain;

import attndx.core.AttndxException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A saliency map over its image as a PNG: the grey image (channel mean, min-max scaled) blended with the map in
 * the "jet" colour scale (alpha 0.5), enlarged to at least 256 pixels, with a colour bar from 0 to 1 on the right
 * and a one-line caption.
 */
public final class Overlays {
    private static final int MIN_SIDE = 256;
    private static final int BAR = 48;
    private static final int CAPTION = 18;

    private Overlays() {}

    /** A sample id as a file name: an image extension dropped, characters other than letters, digits,
     * '.', '_' and '-' as '_'. */
    public static String fileName(String id) {
        return id.replaceAll("\\.(png|jpe?g|dcm|tiff?)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Writes the overlay of {@code map} (H*W in [0, 1]) on {@code image} (C*H*W, any scale). */
    public static void write(Path file, float[] image, int channels, int height, int width, float[] map,
            String caption) {
        int scale = Math.max(1, (MIN_SIDE + Math.max(height, width) - 1) / Math.max(height, width));
        int w = width * scale;
        int h = height * scale;
        BufferedImage out = new BufferedImage(w + BAR, h + CAPTION, BufferedImage.TYPE_INT_RGB);
        float[] grey = grey(image, channels, height * width);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y / scale) * width + x / scale;
                int g = Math.round(255 * grey[p]);
                int[] c = jet(map[p]);
                out.setRGB(x, y + CAPTION, rgb((g + c[0]) / 2, (g + c[1]) / 2, (g + c[2]) / 2));
            }
        }
        Graphics2D gr = out.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int y = 0; y < h; y++) {
            int[] c = jet(1f - (float) y / Math.max(1, h - 1));
            gr.setColor(new Color(c[0], c[1], c[2]));
            gr.fillRect(w + 6, y + CAPTION, 12, 1);
        }
        gr.setColor(Color.WHITE);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        gr.drawString("1", w + 22, CAPTION + 10);
        gr.drawString("0", w + 22, CAPTION + h - 2);
        gr.drawString(caption, 4, 13);
        gr.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[] grey(float[] image, int channels, int plane) {
        float[] g = new float[plane];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                g[p] += image[c * plane + p] / channels;
            }
            min = Math.min(min, g[p]);
            max = Math.max(max, g[p]);
        }
        for (int p = 0; p < plane; p++) {
            g[p] = max > min ? (g[p] - min) / (max - min) : 0f;
        }
        return g;
    }

    /** The jet colour of v in [0, 1]. */
    static int[] jet(float v) {
        float t = Math.max(0, Math.min(1, v));
        return new int[] {channel(1.5f - Math.abs(4 * t - 3)), channel(1.5f - Math.abs(4 * t - 2)),
            channel(1.5f - Math.abs(4 * t - 1))};
    }

    private static int channel(float v) {
        return Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
