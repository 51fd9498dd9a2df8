package attndx.train;

/**
 * A 2-D affine map of pixel coordinates, {@code y' = a y + b x + ty}, {@code x' = c y + d x + tx},
 * with pixel centres at integer coordinates (row {@code y}, column {@code x}) of the array it is
 * applied to. Geometric perturbations and augmentations are expressed as such maps so that one
 * warp kernel ({@link AffineWarp}) serves images and attention maps, and so that a map defined on
 * the image grid can be re-expressed exactly on a coarser attention grid ({@link #rescaled}).
 *
 * @param a y-from-y coefficient
 * @param b y-from-x coefficient
 * @param c x-from-y coefficient
 * @param d x-from-x coefficient
 * @param ty y offset
 * @param tx x offset
 */
public record Affine2D(double a, double b, double c, double d, double ty, double tx) {

    public Affine2D {
        double det = a * d - b * c;
        if (!Double.isFinite(det) || Math.abs(det) < 1e-12 || !Double.isFinite(ty) || !Double.isFinite(tx)) {
            throw new IllegalArgumentException("affine map must be finite and invertible, got det=" + det
                    + ", ty=" + ty + ", tx=" + tx);
        }
    }

    /** The identity map. */
    public static Affine2D identity() {
        return new Affine2D(1, 0, 0, 1, 0, 0);
    }

    /** A shift by {@code (dy, dx)} pixels. */
    public static Affine2D translation(double dy, double dx) {
        return new Affine2D(1, 0, 0, 1, dy, dx);
    }

    /** A rotation by {@code degrees} about the centre of an {@code h x w} grid. */
    public static Affine2D rotation(double degrees, int h, int w) {
        double t = Math.toRadians(degrees);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        return new Affine2D(cos, -sin, sin, cos, cy - cos * cy + sin * cx, cx - sin * cy - cos * cx);
    }

    /** A left-right mirror of a grid {@code w} pixels wide: {@code x' = w - 1 - x}. */
    public static Affine2D horizontalFlip(int w) {
        return new Affine2D(1, 0, 0, -1, 0, w - 1);
    }

    /** An isotropic scaling by {@code factor} about the centre of an {@code h x w} grid. */
    public static Affine2D scaling(double factor, int h, int w) {
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        return new Affine2D(factor, 0, 0, factor, cy - factor * cy, cx - factor * cx);
    }

    /** The map {@code p -> next(this(p))}. */
    public Affine2D then(Affine2D next) {
        return new Affine2D(next.a * a + next.b * c, next.a * b + next.b * d,
                next.c * a + next.d * c, next.c * b + next.d * d,
                next.a * ty + next.b * tx + next.ty, next.c * ty + next.d * tx + next.tx);
    }

    /** The inverse map. */
    public Affine2D inverse() {
        double det = a * d - b * c;
        double ia = d / det;
        double ib = -b / det;
        double ic = -c / det;
        double id = a / det;
        return new Affine2D(ia, ib, ic, id, -(ia * ty + ib * tx), -(ic * ty + id * tx));
    }

    /** Applies the map to the point {@code (y, x)}; returns {@code {y', x'}}. */
    public double[] apply(double y, double x) {
        return new double[] {a * y + b * x + ty, c * y + d * x + tx};
    }

    /**
     * The same geometric map expressed on an {@code h x w} grid covering the same field of view as
     * the {@code bigH x bigW} grid this map is defined on. Pixel {@code u} of the small grid has its
     * centre at {@code (u + 0.5) s - 0.5} on the big grid ({@code s = bigH / h}), so the result is
     * {@code S^-1 (T(S u + o) - o)} with {@code o = (s - 1) / 2}. A shift by a multiple of {@code s}
     * big pixels becomes an integer shift, and a flip stays a flip: both remain exact.
     */
    public Affine2D rescaled(int bigH, int bigW, int h, int w) {
        double sy = (double) bigH / h;
        double sx = (double) bigW / w;
        Affine2D up = new Affine2D(sy, 0, 0, sx, (sy - 1) / 2, (sx - 1) / 2);
        Affine2D down = up.inverse();
        return up.then(this).then(down);
    }
}
