package attndx.data;

/**
 * How an image of srcHeight x srcWidth is placed on a dstHeight x dstWidth canvas by an
 * aspect-preserving resize: scaled by min(dstH/srcH, dstW/srcW) to contentHeight x contentWidth
 * (rounded, at least 1) and centred (extra pixel of an odd margin at the bottom/right). Maps
 * points and boxes from source to canvas, e.g. to keep lesion boxes aligned or to map attention back.
 *
 * @param srcHeight source height
 * @param srcWidth source width
 * @param dstHeight canvas height
 * @param dstWidth canvas width
 * @param contentHeight height of the resized image on the canvas
 * @param contentWidth width of the resized image on the canvas
 * @param top first canvas row of the content
 * @param left first canvas column of the content
 */
public record ResizeGeometry(int srcHeight, int srcWidth, int dstHeight, int dstWidth, int contentHeight,
        int contentWidth, int top, int left) {
    private static final double EPS = 1e-9;

    /** The placement of a srcH x srcW image on a dstH x dstW canvas. */
    public static ResizeGeometry of(int srcHeight, int srcWidth, int dstHeight, int dstWidth) {
        double scale = Math.min((double) dstHeight / srcHeight, (double) dstWidth / srcWidth);
        int ch = Math.max(1, Math.min(dstHeight, (int) Math.round(srcHeight * scale)));
        int cw = Math.max(1, Math.min(dstWidth, (int) Math.round(srcWidth * scale)));
        return new ResizeGeometry(srcHeight, srcWidth, dstHeight, dstWidth, ch, cw, (dstHeight - ch) / 2,
                (dstWidth - cw) / 2);
    }

    /** Vertical scale factor content/source. */
    public double scaleY() {
        return (double) contentHeight / srcHeight;
    }

    /** Horizontal scale factor content/source. */
    public double scaleX() {
        return (double) contentWidth / srcWidth;
    }

    /** The half-open source box mapped to the smallest half-open canvas box covering it. */
    public Box map(Box b) {
        int x0 = left + (int) Math.floor(b.x0() * scaleX() + EPS);
        int y0 = top + (int) Math.floor(b.y0() * scaleY() + EPS);
        int x1 = left + (int) Math.ceil(b.x1() * scaleX() - EPS);
        int y1 = top + (int) Math.ceil(b.y1() * scaleY() - EPS);
        return new Box(x0, y0, Math.max(x0 + 1, Math.min(left + contentWidth, x1)),
                Math.max(y0 + 1, Math.min(top + contentHeight, y1)));
    }

    /**
     * Bilinear resize of one channel plane (half-pixel centres, edges clamped) onto the canvas; pixels
     * outside the content get {@code pad}.
     */
    public float[] resample(float[] plane, float pad) {
        float[] out = new float[dstHeight * dstWidth];
        java.util.Arrays.fill(out, pad);
        int[] x0 = new int[contentWidth];
        float[] tx = new float[contentWidth];
        for (int ox = 0; ox < contentWidth; ox++) {
            double sx = Math.min(srcWidth - 1, Math.max(0, (ox + 0.5) / scaleX() - 0.5));
            x0[ox] = Math.max(0, Math.min(srcWidth - 2, (int) sx));
            tx[ox] = (float) (sx - x0[ox]);
        }
        for (int oy = 0; oy < contentHeight; oy++) {
            double sy = Math.min(srcHeight - 1, Math.max(0, (oy + 0.5) / scaleY() - 0.5));
            int y0 = Math.max(0, Math.min(srcHeight - 2, (int) sy));
            int y1 = Math.min(srcHeight - 1, y0 + 1);
            float ty = (float) (sy - y0);
            for (int ox = 0; ox < contentWidth; ox++) {
                int xa = x0[ox];
                int xb = Math.min(srcWidth - 1, xa + 1);
                float top0 = plane[y0 * srcWidth + xa] * (1 - tx[ox]) + plane[y0 * srcWidth + xb] * tx[ox];
                float bot0 = plane[y1 * srcWidth + xa] * (1 - tx[ox]) + plane[y1 * srcWidth + xb] * tx[ox];
                out[(top + oy) * dstWidth + left + ox] = top0 * (1 - ty) + bot0 * ty;
            }
        }
        return out;
    }
}
