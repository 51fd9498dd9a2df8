package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSpecTest {
    @TempDir
    Path tmp;

    private static RunSpec spec(TrainConfig cfg, String trainData) {
        return new RunSpec(cfg, TrainFixtures.tinyModel(), TrainFixtures.preprocessing().withStatistics(0.3f, 0.2f),
                List.of("normal", "lesion"), trainData, "v1");
    }

    @Test
    void aSpecReadBackFromConfigJsonMatchesItself() throws IOException {
        RunSpec s = spec(TrainFixtures.config(3, 1, 1e-4), "t1");
        Json.write(tmp.resolve("config.json"), s);
        assertNull(Json.read(tmp.resolve("config.json"), RunSpec.class).difference(s));
    }

    @Test
    void theDifferenceNamesTheFieldWithBothValues() {
        RunSpec saved = spec(TrainFixtures.config(3, 1, 1e-4), "t1");
        assertEquals("train.learningRate: saved 1.0E-4, requested 0.003",
                saved.difference(spec(TrainFixtures.config(3, 1, 3e-3), "t1")));
        assertEquals("train.epochs: saved 3, requested 4",
                saved.difference(spec(TrainFixtures.config(4, 1, 1e-4), "t1")));
    }

    @Test
    void otherDataAreReportedAsSuchBeforeTheStatisticsTheyChange() {
        RunSpec saved = spec(TrainFixtures.config(3, 1, 1e-4), "t1");
        RunSpec other = new RunSpec(saved.train(), saved.model(), TrainFixtures.preprocessing(), saved.classNames(),
                "t2", "v1");
        String d = saved.difference(other);
        assertTrue(d.startsWith("the data fingerprints (other data): saved train t1"), d);
    }
}
