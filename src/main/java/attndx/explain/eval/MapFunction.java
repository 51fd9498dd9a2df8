package attndx.explain.eval;

/** An explanation method as the checks see it: one H*W map in [0, 1] per image, for the given classes. */
@FunctionalInterface
public interface MapFunction {
    /** The maps of {@code images} (C*H*W each, the model's input) explaining {@code targets}. */
    float[][] explain(float[][] images, int[] targets);
}
