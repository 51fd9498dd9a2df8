package attndx.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import attndx.core.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole diagnosis network as one DJL block: backbone f, attention heads g_s, fusion, attended pooling,
 * classifier c (paper 5.1-5.4) and the optional segmentation head. Build it with {@link ModelFactory}.
 *
 * <p>Forward input: one B x C x H x W array. Output, named as {@link DiagnosisOutput}:
 * <ul>
 *   <li>{@code logits} B x K;
 *   <li>{@code attention} (attention models only) the map that pooled the features, B x M x h x w in
 *       [0,1] (M = 1 shared, K class-specific). Single-scale: the head's sigmoid map at the last stage.
 *       Multi-scale: the fused, min-max normalised map at the finest selected stage's resolution;
 *   <li>{@code attention_s<i>} the sigmoid map of each head, stage i = 1..4, before fusion (also present
 *       for single-scale, where it equals {@code attention});
 *   <li>{@code segmentation} B x 1 x H x W mask logits when the segmentation head exists;
 *   <li>{@code features} B x d x h4 x w4, the last-stage feature map, only when the forward's params
 *       contain {@link #RETURN_FEATURES} = true (for CAM).
 * </ul>
 * With {@link #MC_DROPOUT} = true in the params, an inference forward keeps the classifier's dropout on
 * (Monte-Carlo dropout; needs a config with dropout &gt; 0).
 * How the fused map pools: the last-stage features F^(4) are bilinearly upsampled to the fused map's
 * resolution and pooled there as the config's {@link ModelConfig.Pooling} says, so the returned map is the
 * pooling weight of every pooled location (SOFTMAX: a monotone function of it). GAP, SE and CBAM models pool with the global mean and return no map.
 *
 * <p>For Grad-CAM, run {@link #stageFeatures} and {@link #head} separately (the same computation as
 * forward): detach the last feature map, mark it as requiring a gradient, and back-propagate from the
 * logits through the head only. The block must be initialised first.
 */
public final class DiagnosisNetwork extends AbstractBlock {
    /** Forward param key: when mapped to {@code true}, the output also carries {@link #FEATURES}. */
    public static final String RETURN_FEATURES = "return_features";
    /**
     * Forward param key: when mapped to {@code true}, the dropout before the classifier stays active in an
     * inference forward (MC dropout) while batch norm keeps using its running statistics.
     */
    public static final String MC_DROPOUT = "mc_dropout";
    /**
     * Forward param key: when mapped to {@code true}, the input needs its own gradient (input-gradient saliency, the
     * erased images of attention mining), and the stem's convolution runs as {@link ShiftedStemConvolution}.
     */
    public static final String INPUT_GRADIENT = "input_gradient";

    /** Forward params that set {@link #INPUT_GRADIENT}. */
    public static PairList<String, Object> inputGradient() {
        return new PairList<>(List.of(INPUT_GRADIENT), List.of(Boolean.TRUE));
    }
    /** Name of the optional last-stage feature output. */
    public static final String FEATURES = "features";
    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final ResNetBackbone backbone;
    private final List<Block> heads = new ArrayList<>();
    private final AttentionFusion fusion;
    private final SequentialBlock classifier;
    private final SegmentationHead segmentation;

    DiagnosisNetwork(ModelConfig config, ResNetBackbone backbone, List<Block> heads, AttentionFusion fusion,
            SequentialBlock classifier, SegmentationHead segmentation) {
        super(VERSION);
        this.config = config;
        this.backbone = addChildBlock("backbone", backbone);
        for (int i = 0; i < heads.size(); i++) {
            this.heads.add(addChildBlock("head_s" + config.attentionStages().get(i), heads.get(i)));
        }
        this.fusion = fusion == null ? null : addChildBlock("fusion", fusion);
        this.classifier = addChildBlock("classifier", classifier);
        this.segmentation = segmentation == null ? null : addChildBlock("segmentation", segmentation);
    }

    /** The config this network was built from. */
    public ModelConfig config() {
        return config;
    }

    /** The backbone f. */
    public ResNetBackbone backbone() {
        return backbone;
    }

    /** The multi-scale fusion block, or null with fewer than two attention stages. */
    public AttentionFusion fusion() {
        return fusion;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDList features = stageFeatures(ps, x, training, params);
        NDList out = head(ps, features, x.getShape(), training, training || flag(params, MC_DROPOUT));
        if (flag(params, RETURN_FEATURES)) {
            NDArray last = features.get(ModelConfig.STAGES - 1);
            last.setName(FEATURES);
            out.add(last);
        }
        return out;
    }

    private static boolean flag(PairList<String, Object> params, String key) {
        return params != null && Boolean.TRUE.equals(params.get(key));
    }

    /**
     * The backbone's stage feature maps F^(1)..F^(4) for a B x C x H x W input, always float32: a
     * backbone run in float16 (mixed-precision training) hands float32 maps to the head and the losses.
     */
    public NDList stageFeatures(ParameterStore ps, NDArray input, boolean training) {
        return stageFeatures(ps, input, training, null);
    }

    private NDList stageFeatures(ParameterStore ps, NDArray input, boolean training, PairList<String, Object> params) {
        NDList features = backbone.forward(ps, new NDList(input), training, params);
        if (features.head().getDataType() == DataType.FLOAT32) {
            return features;
        }
        NDList promoted = new NDList(features.size());
        for (NDArray f : features) {
            // DJL's toType is not differentiable; adding a float32 zero promotes the type inside the graph.
            NDArray p = f.add(f.getManager().zeros(new Shape(1), DataType.FLOAT32, f.getDevice()));
            p.setName(f.getName());
            promoted.add(p);
        }
        return promoted;
    }

    /**
     * The stages (1-based) whose feature maps {@link #head} reads: the last, each with an attention head,
     * and all of them when the segmentation head exists.
     */
    public Set<Integer> headStages() {
        Set<Integer> read = new TreeSet<>(config.attentionStages());
        read.add(ModelConfig.STAGES);
        if (segmentation != null) {
            for (int s = 1; s <= ModelConfig.STAGES; s++) {
                read.add(s);
            }
        }
        return read;
    }

    /** Everything after the backbone: the named outputs (see the class comment) for the given stage features. */
    public NDList head(ParameterStore ps, NDList features, Shape inputShape, boolean training) {
        return head(ps, features, inputShape, training, training);
    }

    private NDList head(ParameterStore ps, NDList features, Shape inputShape, boolean training, boolean dropout) {
        NDArray last = features.get(ModelConfig.STAGES - 1);
        NDList maps = new NDList();
        for (int i = 0; i < heads.size(); i++) {
            NDArray f = features.get(config.attentionStages().get(i) - 1);
            maps.add(heads.get(i).forward(ps, new NDList(f), training).singletonOrThrow());
        }
        NDArray attention = null;
        NDArray pooled;
        if (maps.isEmpty()) {
            pooled = Pool.globalAvgPool2d(last);
        } else {
            attention = maps.size() == 1 ? maps.head() : fusion.forward(ps, maps, training).singletonOrThrow();
            Shape a = attention.getShape();
            pooled = SpatialMaps.attendedPoolResized(last, attention, config.pooling());
            if (config.mapsPerHead() == 1) {
                pooled = pooled.reshape(a.get(0), last.getShape().get(1));
            }
        }
        NDList out = new NDList();
        // The classifier holds only dropout and linear layers, so its training flag switches dropout alone.
        out.add(named(classifier.forward(ps, new NDList(pooled), dropout).singletonOrThrow(), DiagnosisOutput.LOGITS));
        if (attention != null) {
            out.add(named(attention, DiagnosisOutput.ATTENTION));
            for (int i = 0; i < maps.size(); i++) {
                NDArray m = maps.get(i) == attention ? attention.reshape(attention.getShape()) : maps.get(i);
                out.add(named(m, DiagnosisOutput.STAGE_ATTENTION_PREFIX + config.attentionStages().get(i)));
            }
        }
        if (segmentation != null) {
            NDArray s = segmentation.forward(ps, features, training).singletonOrThrow();
            out.add(named(SpatialMaps.bilinear(s, inputShape.get(2), inputShape.get(3)), DiagnosisOutput.SEGMENTATION));
        }
        return out;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] stages = backbone.getOutputShapes(inputShapes);
        Shape[] maps = new Shape[heads.size()];
        for (int i = 0; i < heads.size(); i++) {
            Shape f = stages[config.attentionStages().get(i) - 1];
            heads.get(i).initialize(manager, dataType, f);
            maps[i] = heads.get(i).getOutputShapes(new Shape[] {f})[0];
        }
        if (fusion != null) {
            fusion.initialize(manager, dataType, maps);
        }
        classifier.initialize(manager, dataType, pooledShape(stages[ModelConfig.STAGES - 1]));
        if (segmentation != null) {
            segmentation.initialize(manager, dataType, stages);
        }
    }

    private Shape pooledShape(Shape last) {
        return config.attentionMode() == ModelConfig.AttentionMode.CLASS_SPECIFIC
                ? new Shape(last.get(0), config.numClasses(), last.get(1))
                : new Shape(last.get(0), last.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape[] stages = backbone.getOutputShapes(inputShapes);
        List<Shape> out = new ArrayList<>();
        out.add(new Shape(in.get(0), config.numClasses()));
        List<Shape> maps = new ArrayList<>();
        for (int s : config.attentionStages()) {
            Shape f = stages[s - 1];
            maps.add(new Shape(in.get(0), config.mapsPerHead(), f.get(2), f.get(3)));
        }
        if (!maps.isEmpty()) {
            out.add(fusion == null ? maps.get(0) : fusion.getOutputShapes(maps.toArray(new Shape[0]))[0]);
            out.addAll(maps);
        }
        if (segmentation != null) {
            out.add(new Shape(in.get(0), 1, in.get(2), in.get(3)));
        }
        return out.toArray(new Shape[0]);
    }

    /** Writes the input shapes and the config, so parameters are never loaded into a different network. */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeUTF(Json.toJson(config));
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("DiagnosisNetwork parameters have encoding version " + loadVersion
                    + "; this AttnDx reads version " + VERSION);
        }
        readInputShapes(is);
        if (inputNames.isEmpty()) {
            // DJL restores a loaded block's input shapes but not their names, and a block without
            // names cannot be saved again (describeInput pairs names with shapes): a resumed
            // training run saves the model it loaded.
            inputNames = new ArrayList<>();
            for (int i = 0; i < inputShapes.length; i++) {
                inputNames.add("data" + i);
            }
        }
        String saved = is.readUTF();
        // Compared as configs, not as text: a parameter file written before a config field existed lacks it,
        // and the field's default for such files is what the model was trained with.
        ModelConfig savedConfig;
        try {
            savedConfig = Json.mapper().readValue(saved, ModelConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedModelException("the parameters carry an unreadable model config: " + saved, e);
        }
        if (!savedConfig.equals(config)) {
            throw new MalformedModelException("the parameters were saved for a different model config: " + saved);
        }
    }
}
