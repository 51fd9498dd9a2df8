package attndx.model;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import attndx.core.Scalars;

/**
 * The differentiable map operations of the attention model: bilinear resizing, min-max normalisation N
 * (paper 5.4) and attended pooling (paper 5.1). All take and return NCHW arrays; results live in the
 * input's manager.
 */
public final class SpatialMaps {
    /** Guards divisions by a vanishing attention mass or map range. */
    public static final float EPS = 1e-6f;
    /**
     * Temperature tau of {@link ModelConfig.Pooling#SOFTMAX}: on maps in [0, 1] a location at the peak
     * weighs e^10 (about 22,000) times one at 0, so the pooling reads the few locations near the peak.
     */
    public static final float SOFTMAX_TEMPERATURE = 0.1f;

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
     * attention mass so z is a weighted mean; as the PyTorch reference {@code AttnResNet18}): the
     * {@link ModelConfig.Pooling#WEIGHTED_MEAN} form of {@link #attendedPool(NDArray, NDArray, ModelConfig.Pooling)}.
     *
     * @param features F, B x d x h x w
     * @param attention A, B x M x h x w (same h, w)
     * @return z, B x M x d
     */
    public static NDArray attendedPool(NDArray features, NDArray attention) {
        return attendedPool(features, attention, ModelConfig.Pooling.WEIGHTED_MEAN);
    }

    /**
     * Attended pooling with the given pooling: the weights {@code w} put on the h x w locations are A itself
     * ({@code WEIGHTED_MEAN}, {@code MEAN}) or {@code exp((A - max A) / tau)} ({@code SOFTMAX}, tau =
     * {@link #SOFTMAX_TEMPERATURE}), and {@code z_m = sum_ij w_mij F_ij / D} with {@code D = sum_ij w_mij + EPS}
     * ({@code WEIGHTED_MEAN}, {@code SOFTMAX}) or {@code D = h w} ({@code MEAN}, seed 5.1's sum A F per location).
     *
     * @param features F, B x d x h x w
     * @param attention A, B x M x h x w (same h, w)
     * @param pooling how to weigh and normalise
     * @return z, B x M x d
     */
    public static NDArray attendedPool(NDArray features, NDArray attention, ModelConfig.Pooling pooling) {
        Shape f = features.getShape();
        Shape a = attention.getShape();
        if (f.get(2) != a.get(2) || f.get(3) != a.get(3) || f.get(0) != a.get(0)) {
            throw new IllegalArgumentException("attended pooling needs features and attention of equal batch and "
                    + "spatial size, got features " + f + " and attention " + a);
        }
        long hw = f.get(2) * f.get(3);
        NDArray w = poolingWeights(attention, pooling);
        NDArray weighted = w.reshape(f.get(0), a.get(1), hw)
                .matMul(features.reshape(f.get(0), f.get(1), hw).transpose(0, 2, 1));
        return normalise(weighted, w, pooling);
    }

    /**
     * Attended pooling of F bilinearly resized to the attention's size,
     * {@code attendedPool(bilinear(F, H, W), A, pooling)}, without resizing F: resizing is linear and separable,
     * {@code bilinear(F) = U_h F U_w^T}, so {@code sum_ij w_ij bilinear(F)_ij = sum_kl (U_h^T w U_w)_kl F_kl}.
     * The adjoint acts on the M weight maps instead of the d feature channels: for ResNet-18 at 28x28
     * (512 x 4 x 4 features, 14 x 14 fused attention) it replaces a 512 x 14 x 14 resize, product and sum per
     * image, forward and backward, by two 14 x 4 matrix products. U is obtained by resizing identity matrices
     * with the same engine op, so it matches {@link #bilinear} exactly; results equal the direct form up to
     * float rounding.
     *
     * @param features F, B x d x h x w
     * @param attention A, B x M x H x W
     * @param pooling how to weigh and normalise
     * @return z, B x M x d
     */
    public static NDArray attendedPoolResized(NDArray features, NDArray attention, ModelConfig.Pooling pooling) {
        Shape f = features.getShape();
        Shape a = attention.getShape();
        if (f.get(2) == a.get(2) && f.get(3) == a.get(3)) {
            return attendedPool(features, attention, pooling);
        }
        NDArray w = poolingWeights(attention, pooling);
        NDArray rows = resizeMatrix(attention, f.get(2), a.get(2));
        NDArray cols = resizeMatrix(attention, f.get(3), a.get(3));
        NDArray adjoint = rows.matMul(w).matMul(cols.transpose());
        NDArray weights = adjoint.reshape(a.get(0), a.get(1), f.get(2) * f.get(3));
        NDArray weighted = weights.matMul(features.reshape(f.get(0), f.get(1), f.get(2) * f.get(3)).transpose(0, 2, 1));
        return normalise(weighted, w, pooling);
    }

    /** The weights w of the pooling on A's grid (see {@link #attendedPool(NDArray, NDArray, ModelConfig.Pooling)}). */
    private static NDArray poolingWeights(NDArray attention, ModelConfig.Pooling pooling) {
        if (pooling != ModelConfig.Pooling.SOFTMAX) {
            return attention;
        }
        Shape s = attention.getShape();
        // The shift by the peak keeps exp in range and cancels in the ratio; no gradient needs to flow through it.
        NDArray peak = attention.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).max(new int[] {2}, true)
                .expandDims(3).stopGradient();
        return attention.sub(peak).div(Scalars.like(attention, SOFTMAX_TEMPERATURE)).exp();
    }

    /** sum w F divided by D: the weights' mass, or the number of locations for MEAN. */
    private static NDArray normalise(NDArray weighted, NDArray w, ModelConfig.Pooling pooling) {
        Shape s = w.getShape();
        long hw = s.get(2) * s.get(3);
        if (pooling == ModelConfig.Pooling.MEAN) {
            return weighted.div(Scalars.like(weighted, hw));
        }
        return weighted.div(w.reshape(s.get(0), s.get(1), hw).sum(new int[] {2}, true).add(EPS));
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
