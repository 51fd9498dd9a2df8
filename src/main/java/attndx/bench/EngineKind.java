package attndx.bench;

/** What one {@link EngineBenchmark} case times; {@link #referenceKind()} is the request kind of the reference driver. */
public enum EngineKind {
    /** Forward, softmax cross-entropy backward and Adam update, on the kernels the selection runs. */
    TRAIN("train", "train"),
    /** The same on the plain kernel set (NCHW, DJL's Adam): what a machine whose probe admits nothing gets. */
    TRAIN_PLAIN("train-plain", "train"),
    /** AttnDx's inference path ({@code ModelRunner}). */
    INFER("infer", "infer"),
    /**
     * That path on the plain kernel set (folded, DJL's operators, NCHW, no workers): what a machine whose
     * probe admits nothing gets, and what the fast kernels buy.
     */
    INFER_DJL_OPS("infer-djl-ops", "infer"),
    /** The opt-in bfloat16 kernels, against the float32 reference. */
    INFER_BF16("infer-bf16", "infer"),
    /** The unfolded forward, to show what folding buys. */
    INFER_PLAIN("infer-plain", "infer"),
    /** Grad-CAM of the predicted class on the last stage (the reference backpropagates through the head only). */
    GRADCAM("gradcam", "gradcam"),
    /**
     * A deletion curve of {@value EngineBenchmark#DELETION_STEPS} steps per image over its Grad-CAM map (map and clean
     * probability computed beforehand, as the reference does); the reference evaluates the perturbed
     * images in batches of 20.
     */
    DELETION("deletion", "deletion");

    private final String label;
    private final String referenceKind;

    EngineKind(String label, String referenceKind) {
        this.label = label;
        this.referenceKind = referenceKind;
    }

    /** The name in case labels and on the command line. */
    public String label() {
        return label;
    }

    /** The reference driver's request kind. */
    public String referenceKind() {
        return referenceKind;
    }
}
