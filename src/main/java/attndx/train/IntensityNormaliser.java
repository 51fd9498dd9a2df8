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
                NDArray mean = x.mean(new int[] {1, 2, 3}, true);
                NDArray centred = x.sub(mean);
                NDArray std = centred.square().mean(new int[] {1, 2, 3}, true).sqrt().maximum(MIN_STD);
                yield centred.div(std);
            }
        };
    }
}
