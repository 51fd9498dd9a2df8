package attndx.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;
import java.util.function.BiFunction;

/** A photometric perturbation: intensities change, geometry does not, so Pi is the identity. */
final class PhotometricPerturbation implements Perturbation {
    private final String name;
    private final BiFunction<NDArray, Random, NDArray> op;

    PhotometricPerturbation(String name, BiFunction<NDArray, Random, NDArray> op) {
        this.name = name;
        this.op = op;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PerturbedBatch apply(NDArray images, Random rng) {
        return new PerturbedBatch(op.apply(images, rng), InverseMap.identity(), name);
    }
}
