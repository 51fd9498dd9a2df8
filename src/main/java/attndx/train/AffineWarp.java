package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Resamples a batch of arrays (B x C x H x W) through one affine map per sample, entirely with
 * engine ops (so it runs on the GPU when the arrays live there): the source location of every
 * output pixel is computed with one batched matrix product, and the value is the bilinear
 * combination of its four neighbours, read with {@code gather}. Only the B maps are built on the
 * Java side.
 *
 * <p>Neighbours outside the frame get weight 0 and the remaining weights are renormalised, so a map
 * that sends pixels to integer locations (integer shifts, flips) copies values exactly. An output
 * pixel is valid when its source lies inside {@code [0, H-1] x [0, W-1]} (within 1e-3 pixels,
 * absorbing float rounding); invalid pixels are 0. The result is differentiable with respect to
 * the values (the indices and weights are constants), so it can sit inside a loss.
 */
public final class AffineWarp {
    private static final double EDGE_TOLERANCE = 1e-3;

    private AffineWarp() {}

    /**
     * Resamples {@code src}: output pixel {@code p} of sample {@code b} takes the value of
     * {@code src} at {@code sourceOf[b](p)}. The results are attached to {@code src}'s manager.
     */
    public static WarpResult warp(NDArray src, Affine2D[] sourceOf) {
        Shape s = src.getShape();
        if (s.dimension() != 4 || s.get(0) != sourceOf.length) {
            throw new IllegalArgumentException("warp expects B x C x H x W with B = " + sourceOf.length
                    + " maps, got shape " + s);
        }
        long batch = s.get(0);
        long channels = s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDManager m = src.getManager();
        NDArray coords = matrices(m, sourceOf).matMul(baseGrid(m, h, w));
        NDArray y = coords.get(":, 0, :");
        NDArray x = coords.get(":, 1, :");
        NDArray y0 = y.floor();
        NDArray x0 = x.floor();
        NDArray fy = y.sub(y0);
        NDArray fx = x.sub(x0);
        NDArray flat = src.reshape(batch, channels, (long) h * w);
        NDArray acc = null;
        NDArray weightSum = null;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                NDArray yi = y0.add(dy);
                NDArray xi = x0.add(dx);
                NDArray weight = (dy == 0 ? fy.neg().add(1) : fy).mul(dx == 0 ? fx.neg().add(1) : fx)
                        .mul(inside(yi, xi, h, w, 0));
                NDArray index = yi.clip(0, h - 1).mul(w).add(xi.clip(0, w - 1)).toType(DataType.INT64, false)
                        .expandDims(1).broadcast(batch, channels, (long) h * w);
                NDArray term = flat.gather(index, 2).mul(weight.expandDims(1));
                acc = acc == null ? term : acc.add(term);
                weightSum = weightSum == null ? weight : weightSum.add(weight);
            }
        }
        NDArray valid = inside(y, x, h, w, EDGE_TOLERANCE);
        NDArray values = acc.div(weightSum.maximum(1e-6f).expandDims(1)).mul(valid.expandDims(1));
        return new WarpResult(values.reshape(batch, channels, h, w), valid.reshape(batch, 1, h, w));
    }

    /** 1 where {@code (y, x)} lies in the frame (widened by {@code tol}), else 0, as float. */
    private static NDArray inside(NDArray y, NDArray x, int h, int w, double tol) {
        return y.gte(-tol).logicalAnd(y.lte(h - 1 + tol)).logicalAnd(x.gte(-tol)).logicalAnd(x.lte(w - 1 + tol))
                .toType(DataType.FLOAT32, false);
    }

    /** B x 2 x 3 rows {@code (a, b, ty), (c, d, tx)}. */
    private static NDArray matrices(NDManager m, Affine2D[] maps) {
        float[] data = new float[maps.length * 6];
        for (int i = 0; i < maps.length; i++) {
            Affine2D t = maps[i];
            System.arraycopy(new float[] {(float) t.a(), (float) t.b(), (float) t.ty(),
                (float) t.c(), (float) t.d(), (float) t.tx()}, 0, data, i * 6, 6);
        }
        return m.create(data, new Shape(maps.length, 2, 3));
    }

    /** 3 x HW homogeneous pixel coordinates (row, column, 1) in row-major order. */
    private static NDArray baseGrid(NDManager m, int h, int w) {
        int n = h * w;
        float[] data = new float[3 * n];
        for (int i = 0; i < n; i++) {
            data[i] = i / w;
            data[n + i] = i % w;
            data[2 * n + i] = 1f;
        }
        return m.create(data, new Shape(3, n));
    }
}
