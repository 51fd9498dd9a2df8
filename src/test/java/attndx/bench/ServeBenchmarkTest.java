package attndx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Engines;
import attndx.core.Provenance;
import attndx.data.Phantom;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny {@code bench serve} run: every request answered 200, percentiles ordered. */
class ServeBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void answersEveryRequestOnLoopback() throws Exception {
        Engines.configure();
        Path dir = tmp.resolve("model");
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create("attn-single", 18, 8, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults().withSize(32, 32), Phantom.CLASS_NAMES,
                Provenance.capture("model", Map.of(), "fixture", 1), 1)) {
            m.save(dir);
        }
        ServeBenchmark.Result r = ServeBenchmark.run(new ServeBenchmark.Load(dir, 24, 3, 2, 600, 2, "attention"));
        assertEquals(24, r.answered());
        assertEquals(24, r.ok(), r.statuses().toString());
        assertEquals(Map.of(200, 24), r.statuses());
        assertFalse(r.timeBound());
        assertTrue(r.p50() > 0 && r.p50() <= r.p95() && r.p95() <= r.p99() && r.p99() <= r.max(), r.toString());
        assertTrue(r.rssAfterKb() > 0 && r.rssHalfwayKb() > 0 && r.rssAfterWarmupKb() > 0);
    }
}
