package attndx.data;

import java.util.SplittableRandom;

/**
 * One elliptical lesion that brightens the image. Its drawn region (and mask) is every pixel whose
 * centre lies inside the ellipse; the added intensity is {@code contrast} in the core and falls with
 * a cosine ramp to 30 % of it at the rim over the outer {@code softness} fraction of the radius, so
 * even the softest edge stays visible after 8-bit quantisation and the mask is exactly where the
 * lesion was drawn.
 *
 * @param cx centre column (pixels, continuous)
 * @param cy centre row (pixels, continuous)
 * @param rx horizontal half-axis (pixels)
 * @param ry vertical half-axis (pixels)
 * @param contrast added intensity in the core
 * @param softness soft-edge width as a fraction of the radius, in [0,1)
 */
record PhantomLesion(double cx, double cy, double rx, double ry, double contrast, double softness) {
    private static final double RIM = 0.3;
    private static final double MIN_RADIUS_PX = 1.5;

    /** A random lesion inside a random lung field (inner 70 % of it). */
    static PhantomLesion random(PhantomAnatomy.Lungs lungs, int size, PhantomConfig.Lesions cfg,
            SplittableRandom rng) {
        double[] lung = rng.nextBoolean() ? lungs.left() : lungs.right();
        double angle = PhantomAnatomy.u(rng, 0, 2 * Math.PI);
        double dist = 0.7 * Math.sqrt(rng.nextDouble());
        double r = Math.max(MIN_RADIUS_PX, PhantomAnatomy.u(rng, cfg.minRadius(), cfg.maxRadius()) * size);
        double aspect = Math.exp(PhantomAnatomy.u(rng, Math.log(0.8), Math.log(1.25)));
        return new PhantomLesion(lung[0] + dist * lung[2] * Math.cos(angle), lung[1] + dist * lung[3] * Math.sin(angle),
                r * Math.sqrt(aspect), r / Math.sqrt(aspect),
                PhantomAnatomy.u(rng, cfg.minContrast(), cfg.maxContrast()),
                PhantomAnatomy.u(rng, 0, cfg.maxSoftness()));
    }

    /**
     * The same lesion in one of the patient's images whose anatomy moved by (dx, dy): centre moved with it
     * plus up to a pixel, radius and contrast within 10 %.
     */
    PhantomLesion followUp(SplittableRandom rng, int dx, int dy) {
        double scale = PhantomAnatomy.u(rng, 0.9, 1.1);
        return new PhantomLesion(cx + dx + PhantomAnatomy.u(rng, -1, 1), cy + dy + PhantomAnatomy.u(rng, -1, 1),
                Math.max(MIN_RADIUS_PX, rx * scale), Math.max(MIN_RADIUS_PX, ry * scale),
                contrast * PhantomAnatomy.u(rng, 0.9, 1.1), softness);
    }

    /**
     * Adds the lesion to {@code img} (side {@code size}), sets its pixels in {@code mask} to 1 and
     * returns the tight box of those pixels, or null when no pixel centre lies inside (off-image).
     */
    Box paint(float[] img, float[] mask, int size) {
        int xs = Math.max(0, (int) Math.floor(cx - rx - 1));
        int xe = Math.min(size - 1, (int) Math.ceil(cx + rx + 1));
        int ys = Math.max(0, (int) Math.floor(cy - ry - 1));
        int ye = Math.min(size - 1, (int) Math.ceil(cy + ry + 1));
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        double core = 1 - softness;
        for (int y = ys; y <= ye; y++) {
            for (int x = xs; x <= xe; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double dy = (y + 0.5 - cy) / ry;
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d >= 1) {
                    continue;
                }
                double profile = d <= core ? 1 : RIM + (1 - RIM) * 0.5 * (1 + Math.cos(Math.PI * (d - core) / softness));
                img[y * size + x] += (float) (contrast * profile);
                mask[y * size + x] = 1f;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
            }
        }
        return x1 < 0 ? null : new Box(x0, y0, x1 + 1, y1 + 1);
    }
}
