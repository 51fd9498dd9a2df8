package attndx.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link DiagnosisNetwork} a {@link ModelConfig} describes. */
public final class ModelFactory {
    /** Spatial size used to initialise parameters when no input size is known (parameters do not depend on it). */
    public static final int DEFAULT_INIT_SIZE = 64;

    private ModelFactory() {}

    /** The network for {@code config}, not yet initialised. */
    public static DiagnosisNetwork build(ModelConfig config) {
        ResNetBackbone backbone = ResNetBackbone.builder()
                .setDepth(config.depth())
                .setBaseWidth(config.baseWidth())
                .optStem(config.stem())
                .optBlockAttention(config.blockAttention())
                .build();
        List<Block> heads = new ArrayList<>();
        for (int s : config.attentionStages()) {
            AttentionHead.Builder head = AttentionHead.builder().setMaps(config.mapsPerHead());
            if (config.headBottleneck()) {
                head.optBottleneck(Math.max(4, config.stageWidth(s) / 4));
            }
            heads.add(head.build());
        }
        AttentionFusion fusion = null;
        if (heads.size() > 1) {
            AttentionFusion.Builder fb = AttentionFusion.builder().setScales(heads.size());
            if (config.fusion() == ModelConfig.Fusion.FIXED) {
                fb.optFixedWeights(config.fusionWeights());
            }
            fusion = fb.build();
        }
        SegmentationHead seg = config.segmentationHead()
                ? new SegmentationHead(ModelConfig.STAGES, config.baseWidth())
                : null;
        return new DiagnosisNetwork(config, backbone, heads, fusion, classifier(config), seg);
    }

    private static SequentialBlock classifier(ModelConfig config) {
        SequentialBlock c = new SequentialBlock();
        if (config.dropout() > 0) {
            c.add(Dropout.builder().optRate((float) config.dropout()).build());
        }
        if (config.attentionMode() == ModelConfig.AttentionMode.CLASS_SPECIFIC) {
            return c.add(new ClassWiseLinear());
        }
        Linear linear = Linear.builder().setUnits(config.numClasses()).build();
        linear.setInitializer(Layers.TORCH_DEFAULT, Parameter.Type.WEIGHT);
        return c.add(linear);
    }

    /**
     * Builds and initialises the network in {@code manager} for inputs of {@code height} x {@code width}
     * (parameter shapes do not depend on the size; it only has to survive the strides).
     */
    public static DiagnosisNetwork buildInitialized(ModelConfig config, NDManager manager, int height, int width) {
        DiagnosisNetwork net = build(config);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), height, width));
        return net;
    }
}
