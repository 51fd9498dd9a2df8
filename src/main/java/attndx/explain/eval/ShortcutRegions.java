package attndx.explain.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The non-anatomical regions the shortcut test masks (seed section 9.3): the four corner squares and the four
 * border bands (top, bottom, left, right) at each width, and the random interior reference of equal area: whole
 * cells of side round(min(H, W) / 8) drawn without replacement from the grid inside a one-cell frame.
 */
final class ShortcutRegions {
    private ShortcutRegions() {}

    /** A named region as a pixel set. */
    record Region(String name, boolean[] pixels, int area) {}

    static List<Region> masks(int height, int width, List<Double> widths) {
        List<Region> out = new ArrayList<>();
        for (double w : widths) {
            int sy = Math.max(1, (int) Math.round(w * height));
            int sx = Math.max(1, (int) Math.round(w * width));
            String at = String.format(Locale.ROOT, "@%.3f", w);
            out.add(rect("corner-tl" + at, height, width, 0, 0, sy, sx));
            out.add(rect("corner-tr" + at, height, width, 0, width - sx, sy, width));
            out.add(rect("corner-bl" + at, height, width, height - sy, 0, height, sx));
            out.add(rect("corner-br" + at, height, width, height - sy, width - sx, height, width));
            out.add(rect("band-top" + at, height, width, 0, 0, sy, width));
            out.add(rect("band-bottom" + at, height, width, height - sy, 0, height, width));
            out.add(rect("band-left" + at, height, width, 0, 0, height, sx));
            out.add(rect("band-right" + at, height, width, 0, width - sx, height, width));
        }
        return out;
    }

    private static Region rect(String name, int height, int width, int y0, int x0, int y1, int x1) {
        boolean[] p = new boolean[height * width];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                p[y * width + x] = true;
            }
        }
        return new Region(name, p, (y1 - y0) * (x1 - x0));
    }

    /** Random interior cells covering about {@code area} pixels (at least one cell, at most all of them). */
    static boolean[] interior(int height, int width, int area, SplittableRandom rng) {
        int c = Math.max(1, (int) Math.round(Math.min(height, width) / 8.0));
        int rows = (height - 2 * c) / c;
        int cols = (width - 2 * c) / c;
        int cells = Math.max(1, rows * cols);
        int want = Math.min(cells, Math.max(1, (int) Math.round((double) area / (c * c))));
        int[] order = new int[cells];
        for (int i = 0; i < cells; i++) {
            order[i] = i;
        }
        for (int i = 0; i < want; i++) {
            int j = i + rng.nextInt(cells - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] p = new boolean[height * width];
        for (int k = 0; k < want; k++) {
            int y0 = c + (order[k] / Math.max(1, cols)) * c;
            int x0 = c + (order[k] % Math.max(1, cols)) * c;
            for (int y = y0; y < Math.min(height, y0 + c); y++) {
                for (int x = x0; x < Math.min(width, x0 + c); x++) {
                    p[y * width + x] = true;
                }
            }
        }
        return p;
    }

    /** Per channel, the median of the image's outermost ring: its own background level. */
    static float[] background(float[] raw, int channels, int height, int width) {
        float[] level = new float[channels];
        int plane = height * width;
        for (int ch = 0; ch < channels; ch++) {
            List<Float> ring = new ArrayList<>();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (y == 0 || x == 0 || y == height - 1 || x == width - 1) {
                        ring.add(raw[ch * plane + y * width + x]);
                    }
                }
            }
            ring.sort(null);
            level[ch] = ring.get(ring.size() / 2);
        }
        return level;
    }

    /** {@code raw} with the region's pixels set to the background level. */
    static float[] fill(float[] raw, boolean[] region, float[] level, int plane) {
        float[] out = raw.clone();
        for (int ch = 0; ch < level.length; ch++) {
            for (int p = 0; p < plane; p++) {
                if (region[p]) {
                    out[ch * plane + p] = level[ch];
                }
            }
        }
        return out;
    }
}
