package attndx.data;

import java.util.SplittableRandom;

/**
 * The anatomy-like background of one phantom patient: a body ellipse on dark air, two darker lung
 * fields crossed by curved rib-like bands, and smooth low-frequency tissue texture. All of a
 * patient's images start from this background (shifted a pixel or so, with their own gain).
 */
final class PhantomAnatomy {
    private static final int TEXTURE_GRID = 6;

    private PhantomAnatomy() {}

    /** Lung field centres, half-axes (pixels): left then right, as {cx, cy, rx, ry}. */
    record Lungs(double[] left, double[] right) {}

    /** A background image and its lung fields (where lesions are placed). */
    record Background(float[] pixels, Lungs lungs) {}

    /** Draws a background of side {@code size} from {@code rng}. */
    static Background draw(int size, SplittableRandom rng) {
        double s = size;
        double cx = s / 2 + u(rng, -0.04, 0.04) * s;
        double cy = s / 2 + u(rng, -0.03, 0.03) * s;
        double bodyRx = u(rng, 0.38, 0.46) * s;
        double bodyRy = u(rng, 0.42, 0.48) * s;
        double air = u(rng, 0.03, 0.08);
        double tissue = u(rng, 0.52, 0.62);
        double lungDrop = u(rng, 0.22, 0.30);
        double lungDx = u(rng, 0.18, 0.22) * s;
        double lungRx = u(rng, 0.12, 0.16) * s;
        double lungRy = u(rng, 0.26, 0.32) * s;
        double lungCy = cy - 0.02 * s;
        Lungs lungs = new Lungs(new double[] {cx - lungDx, lungCy, lungRx, lungRy},
                new double[] {cx + lungDx, lungCy, lungRx, lungRy});
        double ribPeriod = u(rng, 0.09, 0.12) * s;
        double ribCurve = u(rng, 0.6, 1.0);
        double ribPhase = u(rng, 0, 2 * Math.PI);
        double ribAmp = u(rng, 0.05, 0.09);
        float[] texture = valueNoise(size, rng);
        float[] px = new float[size * size];
        double edge = Math.max(1.0, s / 40);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double body = inside(x, y, cx, cy, bodyRx, bodyRy, edge);
                double lung = Math.max(inside(x, y, lungs.left(), edge), inside(x, y, lungs.right(), edge));
                double bend = ribCurve * (x - cx) * (x - cx) / s;
                double rib = Math.pow(Math.max(0, Math.sin(2 * Math.PI * (y + bend) / ribPeriod + ribPhase)), 2);
                double v = air + body * (tissue - air + 0.05 * texture[y * size + x])
                        - lung * (lungDrop - ribAmp * rib);
                px[y * size + x] = (float) v;
            }
        }
        return new Background(px, lungs);
    }

    /** The background moved by (dx, dy) pixels, edges repeated. */
    static float[] shifted(float[] px, int size, int dx, int dy) {
        float[] out = new float[px.length];
        for (int y = 0; y < size; y++) {
            int sy = Math.min(size - 1, Math.max(0, y - dy));
            for (int x = 0; x < size; x++) {
                int sx = Math.min(size - 1, Math.max(0, x - dx));
                out[y * size + x] = px[sy * size + sx];
            }
        }
        return out;
    }

    /** Soft ellipse membership: 1 inside, 0 outside, a smoothstep ramp {@code edge} pixels wide. */
    private static double inside(int x, int y, double cx, double cy, double rx, double ry, double edge) {
        double dx = (x + 0.5 - cx) / rx;
        double dy = (y + 0.5 - cy) / ry;
        double d = (Math.sqrt(dx * dx + dy * dy) - 1) * Math.min(rx, ry) / edge;
        double t = Math.min(1, Math.max(0, 0.5 - d));
        return t * t * (3 - 2 * t);
    }

    private static double inside(int x, int y, double[] e, double edge) {
        return inside(x, y, e[0], e[1], e[2], e[3], edge);
    }

    /** Smooth noise in [-1,1]: a coarse random grid interpolated with smoothstep weights. */
    private static float[] valueNoise(int size, SplittableRandom rng) {
        int g = TEXTURE_GRID;
        double[] grid = new double[g * g];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = u(rng, -1, 1);
        }
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            double fy = (y + 0.5) / size * (g - 1);
            int y0 = Math.min(g - 2, (int) fy);
            double ty = smooth(fy - y0);
            for (int x = 0; x < size; x++) {
                double fx = (x + 0.5) / size * (g - 1);
                int x0 = Math.min(g - 2, (int) fx);
                double tx = smooth(fx - x0);
                double top = grid[y0 * g + x0] * (1 - tx) + grid[y0 * g + x0 + 1] * tx;
                double bottom = grid[(y0 + 1) * g + x0] * (1 - tx) + grid[(y0 + 1) * g + x0 + 1] * tx;
                out[y * size + x] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
        return out;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    static double u(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
