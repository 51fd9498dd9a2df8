package attndx.train;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The perturbation set T of seed Algorithm 1, line 4: per minibatch one operator is drawn
 * uniformly from the enabled ones, and its parameters are drawn per sample. One operator per batch
 * keeps each batch a single, nameable perturbation in the logs; the per-sample parameters still give
 * every image its own draw.
 */
public final class PerturbationSet {
    private final List<Perturbation> operators;
    private final long seed;

    public PerturbationSet(PerturbationConfig config) {
        this.seed = config.seed();
        List<Perturbation> ops = new ArrayList<>();
        if (config.rotationDegrees() > 0) {
            ops.add(Perturbations.rotation(config.rotationDegrees()));
        }
        if (config.translationPixels() > 0) {
            ops.add(Perturbations.translation(config.translationPixels(), config.translationStride()));
        }
        if (config.horizontalFlip()) {
            ops.add(Perturbations.horizontalFlip());
        }
        if (config.resizeDelta() > 0) {
            ops.add(Perturbations.resize(config.resizeDelta()));
        }
        if (config.contrastDelta() > 0) {
            ops.add(Perturbations.contrast(config.contrastDelta()));
        }
        if (config.gammaDelta() > 0) {
            ops.add(Perturbations.gamma(config.gammaDelta()));
        }
        if (config.noiseStd() > 0) {
            ops.add(Perturbations.noise(config.noiseStd()));
        }
        if (config.occlusionFraction() > 0) {
            ops.add(Perturbations.occlusion(config.occlusionFraction()));
        }
        this.operators = List.copyOf(ops);
    }

    /** Names of the enabled operators, in draw order. */
    public List<String> names() {
        return operators.stream().map(Perturbation::name).toList();
    }

    /** Perturbs the batch with the operator and parameters of batch {@code batch} of {@code epoch}. */
    public PerturbedBatch perturb(NDArray images, long epoch, long batch) {
        Random rng = BatchSeeds.of(seed, epoch, batch);
        return operators.get(rng.nextInt(operators.size())).apply(images, rng);
    }
}
