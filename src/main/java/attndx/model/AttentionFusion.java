package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import attndx.core.Scalars;
import java.util.List;

/**
 * Multi-scale attention fusion (paper 5.4): A = N(sum_s alpha_s up(A^(s))). Inputs are the stage maps
 * A^(s) (B x M x h_s x w_s) in ascending stage order; up is bilinear resizing to the finest (largest)
 * input map; N is the per-image, per-map min-max normalisation of {@link SpatialMaps#minMax}. The
 * weights alpha are either fixed or softmax(theta) with theta learned (initialised to 0: equal weights).
 * Because N rescales, only the ratios of fixed weights matter.
 */
public final class AttentionFusion extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int scales;
    private final float[] fixed;
    private final Parameter theta;

    private AttentionFusion(Builder b) {
        super(VERSION);
        scales = b.scales;
        fixed = b.fixed;
        theta = fixed == null
                ? addParameter(Parameter.builder().setName("theta").setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(scales)).optInitializer(new ConstantInitializer(0f)).build())
                : null;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != scales) {
            throw new IllegalArgumentException("fusion expects " + scales + " stage maps, got " + inputs.size());
        }
        Shape target = finest(inputs);
        NDArray alpha = null;
        if (theta != null) {
            alpha = ps.getValue(theta, inputs.head().getDevice(), training).softmax(0);
            // An op's result joins its first operand's manager, here the model's: move it to the batch's.
            alpha.attach(inputs.head().getManager());
        }
        NDArray sum = null;
        for (int i = 0; i < scales; i++) {
            NDArray up = SpatialMaps.bilinear(inputs.get(i), target.get(2), target.get(3));
            NDArray term = alpha == null ? up.mul(Scalars.like(up, fixed[i])) : up.mul(alpha.get(i));
            sum = sum == null ? term : sum.add(term);
        }
        return new NDList(SpatialMaps.minMax(sum));
    }

    private static Shape finest(NDList maps) {
        Shape best = maps.head().getShape();
        for (NDArray m : maps) {
            if (m.getShape().get(2) * m.getShape().get(3) > best.get(2) * best.get(3)) {
                best = m.getShape();
            }
        }
        return best;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape best = inputShapes[0];
        for (Shape s : inputShapes) {
            if (s.get(2) * s.get(3) > best.get(2) * best.get(3)) {
                best = s;
            }
        }
        return new Shape[] {best};
    }

    /**
     * The current weights alpha_s (softmax of theta when learned, the normalised fixed values otherwise);
     * for reports. The block must be initialised.
     */
    public float[] weights() {
        float[] w = new float[scales];
        if (theta == null) {
            float total = 0;
            for (float f : fixed) {
                total += f;
            }
            for (int i = 0; i < scales; i++) {
                w[i] = fixed[i] / total;
            }
            return w;
        }
        float[] t = theta.getArray().toFloatArray();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : t) {
            max = Math.max(max, v);
        }
        double z = 0;
        for (float v : t) {
            z += Math.exp(v - max);
        }
        for (int i = 0; i < scales; i++) {
            w[i] = (float) (Math.exp(t[i] - max) / z);
        }
        return w;
    }

    /** Builder: {@code setScales} is required; fixed weights are optional (default: learned). */
    public static final class Builder {
        private int scales;
        private float[] fixed;

        private Builder() {}

        /** Number of stage maps fused. */
        public Builder setScales(int scales) {
            this.scales = scales;
            return this;
        }

        /** Fixed weights alpha_s instead of learned ones. */
        public Builder optFixedWeights(List<Double> weights) {
            fixed = new float[weights.size()];
            for (int i = 0; i < fixed.length; i++) {
                fixed[i] = weights.get(i).floatValue();
            }
            return this;
        }

        /** The fusion block. */
        public AttentionFusion build() {
            if (scales < 2) {
                throw new IllegalArgumentException("fusion needs at least 2 scales, got " + scales);
            }
            if (fixed != null && fixed.length != scales) {
                throw new IllegalArgumentException("fusion needs " + scales + " fixed weights, got " + fixed.length);
            }
            return new AttentionFusion(this);
        }
    }
}
