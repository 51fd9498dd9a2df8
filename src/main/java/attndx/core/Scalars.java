package attndx.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands as 0-dimensional engine arrays in libtorch's own memory, for results that may be
 * differentiated. DJL's Number overloads ({@code x.mul(2f)}, {@code div}, {@code pow}, {@code maximum},
 * {@code minimum}) wrap the number in a tensor over a Java direct buffer and close that wrapper right after the
 * operation, while autograd keeps the tensor for the backward pass of those operations: once a garbage
 * collection frees the buffer, the backward reads whatever the memory holds by then. Seen as training runs that
 * diverged at random (the same seed giving a validation AUC of 0.99 or 0.49, more often under memory
 * pressure); an array from here is owned by libtorch, so autograd's reference keeps it alive.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code value} as a 0-dimensional array of {@code like}'s type, device and manager. */
    public static NDArray like(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }
}
