package attndx.explain.eval;

/** What a deletion or insertion curve measures: the model's probability of a given class for each image. */
@FunctionalInterface
public interface TargetScorer {
    /**
     * The probability of class {@code targets[i]} for image {@code i}.
     *
     * @param images one C*H*W array per image, preprocessed
     */
    float[] score(float[][] images, int[] targets);
}
