package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Json;
import attndx.data.Dataset;
import attndx.data.Splits;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each line of train-log.jsonl carries the epoch's attention statistics; a GAP model has none. */
class AttentionLogTest {
    private static final Dataset DATA = TrainFixtures.phantom(40, 9);

    @TempDir
    Path tmp;

    @Test
    void attentionModelsLogMeanMaxEntropyAndFlatShare() throws IOException {
        Path out = tmp.resolve("attn");
        TrainFixtures.train(TrainFixtures.request(DATA, TrainFixtures.config(1, 2, 1e-3), out));
        JsonNode a = Json.mapper().readTree(Files.readAllLines(out.resolve("train-log.jsonl")).get(0)).get("attention");
        assertEquals(24, a.get("maps").asLong(), "one fused map per training image");
        for (String k : List.of("mean", "max", "entropy", "nearlyConstant")) {
            double v = a.get(k).asDouble();
            assertTrue(v >= 0 && v <= 1, k + " = " + v);
        }
        assertTrue(a.get("max").asDouble() >= a.get("mean").asDouble());
    }

    @Test
    void modelsWithoutAttentionLogNone() throws IOException {
        Path out = tmp.resolve("gap");
        ModelConfig gap = ModelPresets.create("gap", 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        TrainFixtures.train(new Training.Request(DATA.split(Splits.TRAIN), DATA.split(Splits.VAL), gap,
                TrainFixtures.preprocessing(), TrainFixtures.config(1, 2, 1e-3), out));
        RunFiles files = new RunFiles(out);
        assertNull(files.readLog().get(0).attention());
    }
}
