package attndx.kernels;

import attndx.model.DiagnosisNetwork;
import attndx.model.ImageBatches;
import attndx.model.JoinBlock;
import attndx.model.Layers;
import attndx.model.ResNetBackbone;
import attndx.model.Subsample;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import attndx.core.AttndxException;
import attndx.core.NoGrad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inference forward of a {@link DiagnosisNetwork} with every convolution + batch norm pair of the backbone
 * folded into one convolution: in inference BN is the affine map {@code y = (x - mu) s + beta} with
 * {@code s = gamma / sqrt(var + eps)}, so {@code BN(W * x) = (W s) * x + (beta - mu s)}. This removes one
 * full pass over every activation map (a sixth of a ResNet-18 forward on this CPU) and gives the same
 * outputs up to float rounding. The folded weights are a snapshot taken at construction: build a new one
 * after the parameters change. Blocks outside the backbone run unchanged. Close it to free the snapshot.
 *
 * <p>On the CPU the backbone runs on oneDNN's blocked format ({@link OneDnnKernels}): folded weights
 * reordered once, convolution + ReLU and the residual sum + ReLU as single kernel calls, the maps kept
 * blocked from the stem to the last stage (4.4% faster at 28x28, batch 64). Blocks those kernels do
 * not cover (channel gates, the large-image stem's max-pool) run on DJL's operators in between. With
 * {@link InferenceKernels#ONEDNN_BF16} the blocked maps and weights are bfloat16 (about 2x faster where
 * the CPU computes bf16 natively); the blocks in between and the head stay float32.
 *
 * <p>In a thread with one libtorch intra-op thread (the workers of {@link ModelRunner}), float32 forwards run
 * the stem and the stages with outputs of at least {@link DenseKernels#MIN_SIDE} pixels a side on ordinary
 * NCHW maps with Winograd convolutions ({@link DenseKernels}; stages 1-2 at 28x28 inputs), and the rest
 * blocked. Their outputs differ from the blocked path's by float rounding (a few 1e-6 relative).
 */
public final class FoldedInference implements AutoCloseable {
    private final DiagnosisNetwork network;
    private final NDManager manager;
    private final Map<Conv2d, FoldedConv> folded = new IdentityHashMap<>();
    /** Null when the blocked kernels do not run (not asked for, not a CPU, or not loadable). */
    private final OneDnnKernels kernels;
    private final boolean bf16;
    private final Set<Integer> headStages;
    /** Subsample blocks whose stride the following 1x1 convolution takes on the blocked path. */
    private final Set<Block> mergedSubsamples = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Null when {@link #kernels} is. */
    private final KernelWalk walk;

    /**
     * A convolution with its batch norm folded in. For the blocked kernels also its weight reordered, its
     * bias in the kernels' number type, and its stride, times the stride of a {@link Subsample} before it
     * when the pair is one strided 1x1 convolution.
     */
    record FoldedConv(NDArray weight, NDArray bias, NDArray packed, NDArray blockedBias, Shape blockedStride) {}

    /**
     * As {@link #FoldedInference(DiagnosisNetwork, NDManager, InferenceKernels)} with the kernels
     * {@link KernelSelection} chose for this machine.
     */
    public FoldedInference(DiagnosisNetwork network, NDManager parent) {
        this(network, parent, KernelSelection.current().inference());
    }

    /**
     * Folds the current parameters of {@code network}; the snapshot lives in a sub-manager of {@code parent}.
     *
     * @param kind the operators of the backbone ({@link #blocked()} tells whether the blocked ones run)
     * @throws AttndxException for {@link InferenceKernels#ONEDNN_BF16} where it cannot run, with the reason
     */
    public FoldedInference(DiagnosisNetwork network, NDManager parent, InferenceKernels kind) {
        this.network = network;
        this.bf16 = kind == InferenceKernels.ONEDNN_BF16;
        KernelSelection selection = KernelSelection.current();
        if (bf16 && !selection.uses(KernelComponent.BF16)) {
            throw new AttndxException("bf16 inference does not run on this machine: "
                    + selection.whyNot(KernelComponent.BF16));
        }
        // A kind asked for explicitly still runs only where the selection admits its kernels.
        this.kernels = kind == InferenceKernels.DJL || !selection.uses(KernelComponent.BLOCKED) ? null
                : OneDnnKernels.forDevice(parent.getDevice()).orElse(null);
        if (bf16 && (kernels == null || !kernels.bf16Supported())) {
            throw new AttndxException("bf16 inference needs oneDNN's blocked kernels on a CPU with bf16 support; here: "
                    + (kernels == null ? "device " + parent.getDevice() + ", kernels " + OneDnnKernels.status()
                    : "oneDNN reports no bf16 support on this CPU"));
        }
        this.manager = parent.newSubManager();
        this.headStages = network.headStages();
        ResNetBackbone backbone = network.backbone();
        // The folding arithmetic starts from parameter arrays, so its intermediates would join the model's
        // manager and outlive this snapshot; the scope frees them (the kept results are unregistered).
        try (NoGrad noGrad = NoGrad.enter(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            fold(backbone.stem());
            for (SequentialBlock stage : backbone.stages()) {
                fold(stage);
            }
        }
        this.walk = kernels == null ? null
                : new KernelWalk(backbone, headStages, kernels, bf16, folded, mergedSubsamples, this::run);
    }

    private void fold(Block block) {
        List<Block> children = block.getChildren().values();
        for (int i = 0; i < children.size(); i++) {
            Block c = children.get(i);
            if (block instanceof SequentialBlock && c instanceof Conv2d conv && i + 1 < children.size()
                    && children.get(i + 1) instanceof BatchNorm bn) {
                int subsample = 1;
                if (kernels != null && i > 0 && children.get(i - 1) instanceof Subsample sub && isPointwise(conv)) {
                    subsample = sub.stride();
                    mergedSubsamples.add(sub);
                }
                folded.put(conv, foldPair(conv, bn, subsample));
            } else {
                fold(c);
            }
        }
    }

    /** A 1x1 convolution without padding: taking every s-th pixel first equals striding it by s. */
    private static boolean isPointwise(Conv2d conv) {
        return conv.getKernelShape().equals(new Shape(1, 1)) && conv.getPadding().equals(new Shape(0, 0));
    }

    private FoldedConv foldPair(Conv2d conv, BatchNorm bn, int subsample) {
        NDArray gamma = param(bn, "gamma");
        NDArray scale = gamma.div(param(bn, "runningVar").add(Layers.BN_EPSILON).sqrt());
        NDArray weight = param(conv, "weight");
        NDArray w = weight.mul(scale.reshape(scale.getShape().get(0), 1, 1, 1));
        NDArray b = param(bn, "beta").sub(param(bn, "runningMean").mul(scale));
        if (conv.isIncludeBias()) {
            b = b.add(param(conv, "bias").mul(scale));
        }
        NDScope.unregister(w, b);
        w.attach(manager);
        b.attach(manager);
        if (kernels == null) {
            return new FoldedConv(w, b, null, null, null);
        }
        Shape stride = scaled(conv.getStride(), subsample);
        NDArray packed = kernels.pack(w, stride, conv.getPadding(), conv.getDilation(), conv.getGroups(), bf16);
        NDArray blockedBias = kernels.cast(b, bf16);
        NDScope.unregister(packed, blockedBias);
        return new FoldedConv(w, b, packed, blockedBias, stride);
    }

    private static Shape scaled(Shape s, int factor) {
        long[] v = s.getShape().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new Shape(v);
    }

    private static NDArray param(Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null) {
            throw new IllegalStateException(block.getClass().getSimpleName() + " has no parameter " + name);
        }
        return p.getArray();
    }

    /** How many convolution + batch norm pairs were folded. */
    int foldedLayers() {
        return folded.size();
    }

    /** Whether the backbone runs on the blocked oneDNN kernels; {@link OneDnnKernels#status} says why not. */
    public boolean blocked() {
        return kernels != null;
    }

    /** "on", or "off: " and why the blocked kernels are not available in this process. */
    public static String blockedKernelStatus() {
        return OneDnnKernels.status();
    }

    /** "on", or "off: " and why the Winograd kernels of one-thread forwards are not available here. */
    public static String winogradKernelStatus() {
        return DenseKernels.status();
    }

    /**
     * Whether {@code input} is a single image for libtorch's own CPU convolutions. For a batch of one on small maps
     * libtorch leaves oneDNN for its native convolution and on the way asks NNPACK whether it runs on this CPU, which
     * writes one warning line per convolution where it does not (a ResNet-18 forward: 23 lines). Such an image is run
     * as a batch of two copies instead, so every batch size takes oneDNN's path and the output stays clean.
     */
    private boolean loneImageOnPlainKernels(NDArray input) {
        return kernels == null && input.getShape().get(0) == 1
                && Device.Type.CPU.equals(input.getDevice().getDeviceType());
    }

    /**
     * The network's inference outputs (as {@code forward(training = false)}, see {@link DiagnosisNetwork})
     * for a B x C x H x W input, plus the last-stage feature map named {@link DiagnosisNetwork#FEATURES} when
     * {@code withFeatures}; results belong to the input's manager.
     */
    public NDList forward(ParameterStore ps, NDArray input, boolean withFeatures) {
        if (loneImageOnPlainKernels(input)) {
            return ImageBatches.firstImage(forward(ps, input.concat(input, 0), withFeatures));
        }
        try (NoGrad noGrad = NoGrad.enter()) {
            NDList features = stageFeatures(ps, input);
            NDList out = network.head(ps, features, input.getShape(), false);
            if (withFeatures) {
                NDArray last = features.get(features.size() - 1);
                last.setName(DiagnosisNetwork.FEATURES);
                out.add(last);
            }
            return out;
        }
    }

    /**
     * The backbone's stage feature maps F^(1)..F^(4) for a B x C x H x W input, as
     * {@link DiagnosisNetwork#stageFeatures} in inference: the maps of {@link DiagnosisNetwork#headStages()}
     * are ordinary float32 arrays (the input of {@link DiagnosisNetwork#head}); on the kernels the others may
     * be opaque blocked arrays that only their shape may be read from ({@link KernelWalk}). Results belong to
     * the input's manager.
     */
    public NDList stageFeatures(ParameterStore ps, NDArray input) {
        if (loneImageOnPlainKernels(input)) {
            return ImageBatches.firstImage(stageFeatures(ps, input.concat(input, 0)));
        }
        try (NoGrad noGrad = NoGrad.enter()) {
            if (kernels == null || input.getDataType() != DataType.FLOAT32) {
                return network.backbone().stageFeatures(input, (block, x) -> run(ps, block, x),
                        network.backbone().layout());
            }
            DenseKernels dense = bf16 ? null : DenseKernels.forCurrentThread(input.getDevice()).orElse(null);
            return walk.features(ps, input, dense);
        }
    }

    /**
     * Whether a forward in the calling thread runs its large early stages on the Winograd kernels: on the
     * float32 blocked path, in a thread with one intra-op thread, where NNPACK runs.
     */
    public boolean winogradInThisThread() {
        return kernels != null && !bf16 && DenseKernels.forCurrentThread(manager.getDevice()).isPresent();
    }

    private NDList run(ParameterStore ps, Block block, NDList x) {
        if (block instanceof SequentialBlock) {
            List<Block> children = block.getChildren().values();
            for (int i = 0; i < children.size(); i++) {
                Block c = children.get(i);
                FoldedConv f = foldedConv(c);
                if (f != null) {
                    Conv2d conv = (Conv2d) c;
                    x = Conv2d.conv2d(x.singletonOrThrow(), f.weight, f.bias, conv.getStride(), conv.getPadding(),
                            conv.getDilation(), conv.getGroups());
                    i++; // the batch norm is inside the folded weights
                } else {
                    x = run(ps, c, x);
                }
            }
            return x;
        }
        if (block instanceof JoinBlock join) {
            List<NDList> branches = new ArrayList<>();
            for (Block branch : block.getChildren().values()) {
                branches.add(run(ps, branch, x));
            }
            return join.join(branches);
        }
        return block.forward(ps, x, false);
    }

    private FoldedConv foldedConv(Block block) {
        return block instanceof Conv2d conv ? folded.get(conv) : null;
    }

    @Override
    public void close() {
        manager.close();
    }
}
