package attndx.explain;

/**
 * One way of explaining a model's decision as a saliency map: every implementation returns one H*W map per
 * image (row-major, at the input's resolution, values in [0, 1], higher = more important) for the class given
 * per image. Built by {@link Methods#create}; gradient-based methods must not run while another
 * {@code GradientCollector} is open (one at a time per process). Close it to free its native snapshots.
 */
public interface ExplanationMethod extends AutoCloseable {
    /** The method's name as on the command line ("gradcam", "attention-s3", ...). */
    String name();

    /**
     * The map of every image.
     *
     * @param images one C*H*W array per image, preprocessed as the model sees it
     * @param targets the class to explain, per image
     */
    float[][] explain(float[][] images, int channels, int height, int width, int[] targets);

    /** Frees native snapshots; a no-op for model-free methods. */
    @Override
    default void close() {}
}
