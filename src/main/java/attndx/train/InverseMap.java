package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The map Pi of seed section 5.5 that brings attention computed on a perturbed batch back to the
 * reference (unperturbed) frame, so that {@code A(x)} and {@code Pi(A(T(x)))} compare pixel by
 * pixel. Works at any attention resolution covering the image's field of view.
 */
public interface InverseMap {

    /**
     * Maps attention maps of the perturbed batch (B x M x h x w) to the reference frame; the
     * validity mask marks reference pixels whose source lay inside the perturbed frame.
     */
    WarpResult toReference(NDArray attention);

    /** The identity map of photometric perturbations: values unchanged, every pixel valid. */
    static InverseMap identity() {
        return attention -> {
            long[] s = attention.getShape().getShape();
            return new WarpResult(attention, attention.getManager().ones(
                    new Shape(s[0], 1, s[2], s[3]), attention.getDataType(),
                    attention.getDevice()));
        };
    }
}
