package attndx.train;

import ai.djl.ndarray.NDArray;
import attndx.data.Preprocessing;

/**
 * The last preprocessing step ({@link attndx.data.Preprocessor#normalise}) on a batch on the
 * engine, applied after augmentation and perturbation (which work on the [0,1] scale).
 */
public final class IntensityNormaliser {
    private static final float MIN_STD = 1e-6f;
    private final Preprocessing p;

    public IntensityNormaliser(Preprocessing preprocessing) {
        this.p = preprocessing;
    }

    /** Normalised copy of a B x C x H x W batch. */
    public NDArray apply(NDArray x) {
        return switch (p.normalisation()) {
            case NONE -> x;
            case DATASET -> x.sub(p.mean()).div(p.std());
            case PER_IMAGE -> {
                // The engine's mean reduces one axis at a time: flatten each image first.
                ai.djl.ndarray.types.Shape perImage = new ai.djl.ndarray.types.Shape(x.getShape().get(0), 1, 1, 1);
                NDArray mean = x.reshape(x.getShape().get(0), -1).mean(new int[] {1}).reshape(perImage);
                NDArray centred = x.sub(mean);
                NDArray var = centred.square().reshape(x.getShape().get(0), -1).mean(new int[] {1}).reshape(perImage);
                yield centred.div(var.sqrt().maximum(MIN_STD));
            }
        };
    }
}
