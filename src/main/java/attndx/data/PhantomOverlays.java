package attndx.data;

import java.util.SplittableRandom;

/**
 * The non-anatomical content a phantom image may carry: the shortcut marker (a bright "L" glyph,
 * like a laterality marker, in the top-left corner) and the shifted site's intensity change, frame
 * and text-like burn-in. All are noise-free constants drawn after the noise, as a scanner or a
 * PACS would stamp them.
 */
final class PhantomOverlays {
    /** Marker, frame and burn-in intensity. */
    static final float OVERLAY_VALUE = 0.95f;
    private static final int BURN_IN_CHARS = 5;

    private PhantomOverlays() {}

    /** Glyph scale: one glyph pixel per 64 image pixels of side (at least 1). */
    static int scale(int size) {
        return Math.max(1, size / 64);
    }

    /** Draws the marker "L" (5x5 glyph pixels, scaled) near the top-left corner; returns its box. */
    static Box drawMarker(float[] img, int size) {
        int k = scale(size);
        int margin = 2 * k;
        for (int gy = 0; gy < ShortcutMarker.GLYPH; gy++) {
            for (int gx = 0; gx < ShortcutMarker.GLYPH; gx++) {
                if (ShortcutMarker.glyphOn(gx, gy)) {
                    fill(img, size, margin + gx * k, margin + gy * k, k, k);
                }
            }
        }
        return new Box(margin, margin, margin + ShortcutMarker.GLYPH * k, margin + ShortcutMarker.GLYPH * k);
    }

    /** The site's intensity change: v to 0.5 + contrast * (v^gamma - 0.5), on the clean image. */
    static void siteIntensity(float[] img, PhantomConfig.Site site) {
        for (int i = 0; i < img.length; i++) {
            double v = Math.max(0, img[i]);
            img[i] = (float) (0.5 + site.contrast() * (Math.pow(v, site.gamma()) - 0.5));
        }
    }

    /** The site's constant frame and burn-in, drawn after the noise. */
    static void siteOverlay(float[] img, int size, PhantomConfig.Site site, SplittableRandom rng) {
        int b = site.border();
        if (b > 0) {
            fill(img, size, 0, 0, size, b);
            fill(img, size, 0, size - b, size, b);
            fill(img, size, 0, 0, b, size);
            fill(img, size, size - b, 0, b, size);
        }
        if (site.burnIn()) {
            drawBurnIn(img, size, b, rng);
        }
    }

    /** Five random 3x5 "characters" with one glyph pixel of spacing, bottom left inside the frame. */
    private static void drawBurnIn(float[] img, int size, int border, SplittableRandom rng) {
        int k = scale(size);
        int x = border + 2 * k;
        int y = size - border - 2 * k - ShortcutMarker.GLYPH * k;
        for (int c = 0; c < BURN_IN_CHARS && x + 3 * k <= size - border; c++) {
            int bits = 1 + rng.nextInt((1 << 15) - 1);
            for (int i = 0; i < 15; i++) {
                if ((bits >> i & 1) == 1) {
                    fill(img, size, x + (i % 3) * k, y + (i / 3) * k, k, k);
                }
            }
            x += 4 * k;
        }
    }

    private static void fill(float[] img, int size, int x, int y, int w, int h) {
        for (int yy = Math.max(0, y); yy < Math.min(size, y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(size, x + w); xx++) {
                img[yy * size + xx] = OVERLAY_VALUE;
            }
        }
    }
}
