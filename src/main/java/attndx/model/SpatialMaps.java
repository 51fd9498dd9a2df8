package attndx.model;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The differentiable map operations of the attention model: bilinear resizing, min-max normalisation N
 * (paper 5.4) and attended pooling (paper 5.1). All take and return NCHW arrays; results live in the
 * input's manager.
 */
public final class SpatialMaps {
    /** Guards divisions by a vanishing attention mass or map range. */
    public static final float EPS = 1e-6f;

    private SpatialMaps() {}

    /**
     * Bilinear resize of a B x C x h x w array to B x C x height x width (align_corners = false, as
     * PyTorch's {@code F.interpolate}); an engine op, so gradients flow through it. Returns {@code x}
     * itself when the size already matches. DJL's libtorch call is the antialiased variant, which equals
     * plain bilinear sampling when enlarging (every use in AttnDx) but averages when shrinking.
     */
    public static NDArray bilinear(NDArray x, long height, long width) {
        Shape s = x.getShape();
        if (s.get(2) == height && s.get(3) == width) {
            return x;
        }
        return x.getNDArrayInternal()
                .interpolation(new long[] {height, width}, Image.Interpolation.BILINEAR.ordinal(), false);
    }

    /**
     * Per image and per map min-max normalisation N(x) = (x - min) / (max - min + EPS) over the spatial
     * axes: every map then spans [0, 1) up to EPS (exactly 0 at its minimum, 1 - EPS/(range+EPS) at its
     * maximum); a constant map becomes all zeros instead of dividing by zero.
     */
    public static NDArray minMax(NDArray x) {
        Shape s = x.getShape();
        // PyTorch reduces min/max over one axis only: flatten the spatial axes first.
        NDArray flat = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
        NDArray min = flat.min(new int[] {2}, true).expandDims(3);
        NDArray max = flat.max(new int[] {2}, true).expandDims(3);
        return x.sub(min).div(max.sub(min).add(EPS));
    }

    /**
     * Attended pooling z_m = sum_ij A_mij F_ij / (sum_ij A_mij + EPS) (paper 5.1, normalised by the
     * attention mass so z is a weighted mean and its scale does not depend on how much of the image is
     * attended; as the PyTorch reference {@code AttnResNet18}).
     *
     * @param features F, B x d x h x w
     * @param attention A, B x M x h x w (same h, w)
     * @return z, B x M x d
     */
    public static NDArray attendedPool(NDArray features, NDArray attention) {
        Shape f = features.getShape();
        Shape a = attention.getShape();
        if (f.get(2) != a.get(2) || f.get(3) != a.get(3) || f.get(0) != a.get(0)) {
            throw new IllegalArgumentException("attended pooling needs features and attention of equal batch and "
                    + "spatial size, got features " + f + " and attention " + a);
        }
        long b = f.get(0);
        long hw = f.get(2) * f.get(3);
        NDArray weights = attention.reshape(b, a.get(1), hw);
        NDArray weighted = weights.matMul(features.reshape(b, f.get(1), hw).transpose(0, 2, 1));
        return weighted.div(weights.sum(new int[] {2}, true).add(EPS));
    }

    /**
     * Attended pooling of F bilinearly resized to the attention's size, {@code attendedPool(bilinear(F, H, W), A)},
     * without resizing F: resizing is linear and separable, {@code bilinear(F) = U_h F U_w^T}, so
     * {@code sum_ij A_ij bilinear(F)_ij = sum_kl (U_h^T A U_w)_kl F_kl}. The adjoint acts on the M attention
     * maps instead of the d feature channels: for ResNet-18 at 28x28 (512 x 4 x 4 features, 14 x 14
     * fused attention) it replaces a 512 x 14 x 14 resize, product and sum per image, forward and backward,
     * by two 14 x 4 matrix products. U is obtained by resizing identity matrices with the same engine op,
     * so it matches {@link #bilinear} exactly; results equal the direct form up to float rounding.
     *
     * @param features F, B x d x h x w
     * @param attention A, B x M x H x W
     * @return z, B x M x d
     */
    public static NDArray attendedPoolResized(NDArray features, NDArray attention) {
        Shape f = features.getShape();
        Shape a = attention.getShape();
        if (f.get(2) == a.get(2) && f.get(3) == a.get(3)) {
            return attendedPool(features, attention);
        }
        long b = a.get(0);
        long maps = a.get(1);
        NDArray rows = resizeMatrix(attention, f.get(2), a.get(2));
        NDArray cols = resizeMatrix(attention, f.get(3), a.get(3));
        NDArray adjoint = rows.matMul(attention).matMul(cols.transpose());
        NDArray weights = adjoint.reshape(b, maps, f.get(2) * f.get(3));
        NDArray weighted = weights.matMul(features.reshape(b, f.get(1), f.get(2) * f.get(3)).transpose(0, 2, 1));
        return weighted.div(attention.reshape(b, maps, a.get(2) * a.get(3)).sum(new int[] {2}, true).add(EPS));
    }

    /**
     * U^T (in x out) of a 1-D resize from {@code in} to {@code out} samples as {@link #bilinear} does it:
     * row k is the resized unit vector e_k. Created in {@code like}'s manager.
     */
    private static NDArray resizeMatrix(NDArray like, long in, long out) {
        // Two identical columns: the engine's resize of a width-1 image to width 1 returns wrong values
        // (all ones for a unit vector), while width 2 -> 2 is the identity along that axis.
        NDArray identity = like.getManager().eye((int) in).reshape(1, in, in, 1).repeat(3, 2);
        return bilinear(identity, out, 2).get(":, :, :, 0").reshape(in, out);
    }
}
