package attndx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Json;
import attndx.model.ModelConfig.AttentionMode;
import attndx.model.ModelConfig.BlockAttention;
import attndx.model.ModelConfig.Fusion;
import attndx.model.ModelConfig.Stem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
    private static final ModelConfig BASE = ModelPresets.create("attn-multiscale", 18, 64, Stem.SMALL_INPUT, 1, 2);

    @Test
    void presetsDifferOnlyInTheirAttentionFields() {
        for (String name : ModelPresets.NAMES) {
            ModelConfig c = ModelPresets.create(name, 34, 16, Stem.STANDARD, 3, 5);
            assertEquals(name, c.preset());
            assertEquals(34, c.depth());
            assertEquals(16, c.baseWidth());
            assertEquals(Stem.STANDARD, c.stem());
        }
        assertFalse(ModelPresets.create("gap", 18, 64, Stem.SMALL_INPUT, 1, 2).hasAttention());
        assertEquals(BlockAttention.SE, ModelPresets.create("se", 18, 64, Stem.SMALL_INPUT, 1, 2).blockAttention());
        assertEquals(BlockAttention.CBAM, ModelPresets.create("cbam", 18, 64, Stem.SMALL_INPUT, 1, 2).blockAttention());
        assertEquals(List.of(4), ModelPresets.create("attn-single", 18, 64, Stem.SMALL_INPUT, 1, 2).attentionStages());
        assertEquals(List.of(2, 3, 4), BASE.attentionStages());
        assertEquals(BASE, ModelPresets.defaults(1, 2));
    }

    @Test
    void derivedSizes() {
        assertEquals(512, BASE.stageWidth(4));
        assertEquals(1, BASE.mapsPerHead());
        assertEquals(3, BASE.withTask(1, 3, false)
                .withAttention(List.of(4), AttentionMode.CLASS_SPECIFIC, Fusion.LEARNED, List.of(), false).mapsPerHead());
        assertEquals(16, java.util.Arrays.stream(BASE.withBackbone(34, 64, Stem.SMALL_INPUT).blocksPerStage()).sum());
    }

    @Test
    void jsonRoundTripIsExact() throws Exception {
        ModelConfig c = BASE.withAttention(List.of(3, 4), AttentionMode.CLASS_SPECIFIC, Fusion.FIXED, List.of(0.25, 0.75),
                true).withDropout(0.3).withSegmentationHead(true).withPooling(ModelConfig.Pooling.SOFTMAX);
        assertEquals(c, Json.mapper().readValue(Json.toJson(c), ModelConfig.class));
    }

    /** model.json written before the pooling was recorded: its models were trained with the weighted mean. */
    @Test
    void configWithoutPoolingReadsAsTheWeightedMean() throws Exception {
        ModelConfig c = BASE.withPooling(ModelConfig.Pooling.MEAN);
        String old = Json.toJson(c).replaceAll(",\\s*\"pooling\" : \"MEAN\"", "");
        assertFalse(old.contains("pooling"), old);
        ModelConfig read = Json.mapper().readValue(old, ModelConfig.class);
        assertEquals(ModelConfig.Pooling.WEIGHTED_MEAN, read.pooling());
        assertEquals(c.withPooling(ModelConfig.Pooling.WEIGHTED_MEAN), read);
    }

    @Test
    void invalidValuesNameTheFieldAndValue() {
        assertMessage(() -> BASE.withBackbone(50, 64, Stem.SMALL_INPUT), "model.depth", "50");
        assertMessage(() -> BASE.withBackbone(18, 2, Stem.SMALL_INPUT), "model.baseWidth", "2");
        assertMessage(() -> BASE.withBackbone(18, 64, null), "model.stem", "null");
        assertMessage(() -> BASE.withTask(0, 2, false), "model.inChannels", "0");
        assertMessage(() -> BASE.withTask(1, 1, false), "model.numClasses", "1");
        assertMessage(() -> BASE.withDropout(1.0), "model.dropout", "1.0");
        assertMessage(() -> BASE.withAttention(List.of(4, 2), AttentionMode.SHARED, Fusion.LEARNED, List.of(), false),
                "model.attentionStages", "[4, 2]");
        assertMessage(() -> BASE.withAttention(List.of(5), AttentionMode.SHARED, Fusion.LEARNED, List.of(), false),
                "model.attentionStages", "[5]");
        assertMessage(() -> BASE.withAttention(List.of(), AttentionMode.CLASS_SPECIFIC, Fusion.LEARNED, List.of(), false),
                "model.attentionMode", "CLASS_SPECIFIC");
        assertMessage(() -> BASE.withAttention(List.of(3, 4), AttentionMode.SHARED, Fusion.FIXED, List.of(1.0), false),
                "model.fusionWeights", "[1.0]");
        assertMessage(() -> BASE.withAttention(List.of(3, 4), AttentionMode.SHARED, Fusion.FIXED, List.of(0.0, 0.0),
                false), "model.fusionWeights", "[0.0, 0.0]");
        assertMessage(() -> BASE.withAttention(List.of(3, 4), AttentionMode.SHARED, Fusion.LEARNED, List.of(1.0, 1.0),
                false), "model.fusionWeights", "LEARNED");
        assertMessage(() -> ModelPresets.create("resnet", 18, 64, Stem.SMALL_INPUT, 1, 2), "model.preset", "resnet");
    }

    @Test
    void multiLabelAllowsOneClass() {
        assertTrue(BASE.withTask(1, 1, true).multiLabel());
    }

    private static void assertMessage(Runnable r, String field, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value), e.getMessage());
    }
}
