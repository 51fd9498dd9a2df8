package attndx.serve;

import attndx.core.AttndxException;
import attndx.data.ImageTensor;
import attndx.data.PngWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws explanation maps as PNG (seed section 10.1: a glance at the overlay should tell whether the model looked
 * somewhere plausible): the map in a blue-to-red colour scale, blended over the grey image with an opacity that
 * grows with the map value, so low-attention areas leave the image visible.
 */
public final class OverlayRenderer {
    /** Colour stops of the scale (blue, cyan, green, yellow, red) at 0, 0.25, 0.5, 0.75, 1. */
    private static final int[][] STOPS = {{48, 18, 160}, {30, 160, 230}, {60, 200, 90}, {250, 215, 40}, {220, 30, 30}};

    private OverlayRenderer() {}

    /** The study's image as the model saw it (after resizing and padding) as an 8-bit PNG. */
    public static byte[] imagePng(ImageTensor view) {
        return PngWriter.encode(view.channels() == 3 ? view : grey(view), 8);
    }

    /** The map alone as an RGBA PNG whose alpha is the map value: the viewer blends it with its own opacity. */
    public static byte[] heatmapPng(float[] map, int height, int width) {
        check(map, height, width);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = clamp(map[y * width + x]);
                img.setRGB(x, y, (Math.round(v * 255) << 24) | colour(v));
            }
        }
        return encode(img);
    }

    /** The map blended over the image at {@code opacity} (times the map value) as an RGB PNG. */
    public static byte[] overlayPng(ImageTensor view, float[] map, double opacity) {
        check(map, view.height(), view.width());
        ImageTensor g = grey(view);
        BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < map.length; i++) {
            float v = clamp(map[i]);
            double a = opacity * v;
            int base = Math.round(clamp(g.data()[i]) * 255);
            int c = colour(v);
            int r = (int) Math.round((1 - a) * base + a * ((c >> 16) & 0xFF));
            int gr = (int) Math.round((1 - a) * base + a * ((c >> 8) & 0xFF));
            int b = (int) Math.round((1 - a) * base + a * (c & 0xFF));
            img.setRGB(i % view.width(), i / view.width(), (r << 16) | (gr << 8) | b);
        }
        return encode(img);
    }

    /** Writes {@link #overlayPng} to {@code file}. */
    public static void writeOverlay(ImageTensor view, float[] map, double opacity, Path file) {
        try {
            Files.write(file, overlayPng(view, map, opacity));
        } catch (IOException e) {
            throw new AttndxException("cannot write overlay " + file + ": " + e.getMessage(), e);
        }
    }

    /** The colour of value {@code v} in [0,1] as 0xRRGGBB (linear between the stops). */
    static int colour(float v) {
        double pos = clamp(v) * (STOPS.length - 1);
        int i = Math.min((int) pos, STOPS.length - 2);
        double f = pos - i;
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            rgb = (rgb << 8) | (int) Math.round(STOPS[i][ch] * (1 - f) + STOPS[i + 1][ch] * f);
        }
        return rgb;
    }

    private static ImageTensor grey(ImageTensor view) {
        if (view.channels() == 1) {
            return view;
        }
        int n = view.pixels();
        float[] g = new float[n];
        for (int c = 0; c < view.channels(); c++) {
            for (int i = 0; i < n; i++) {
                g[i] += view.data()[c * n + i] / view.channels();
            }
        }
        return new ImageTensor(1, view.height(), view.width(), g);
    }

    private static void check(float[] map, int height, int width) {
        if (map.length != height * width) {
            throw new IllegalArgumentException("map has " + map.length + " values, expected " + height + "x" + width);
        }
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
    }

    private static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return out.toByteArray();
    }
}
