package attndx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self times from a profiler trace, by hand and from a real profiled run. */
class OpProfileTest {
    @Test
    void selfTimeSubtractsDirectCalleesPerThread() throws Exception {
        // thread 1: A [0, 10) calls B [1, 5) (which calls C [2, 3)) and C [6, 8); thread 2: B [0, 5)
        String trace = """
                {"traceEvents": [
                  {"name": "A", "ph": "X", "ts": 0, "dur": 10, "pid": "p", "tid": 1},
                  {"name": "B", "ph": "X", "ts": 1, "dur": 4, "pid": "p", "tid": 1},
                  {"name": "C", "ph": "X", "ts": 2, "dur": 1, "pid": "p", "tid": 1},
                  {"name": "C", "ph": "X", "ts": 6, "dur": 2, "pid": "p", "tid": 1},
                  {"name": "B", "ph": "X", "ts": 0, "dur": 5, "pid": "p", "tid": 2},
                  {"name": "meta", "ph": "M", "ts": 0, "pid": "p", "tid": 1}
                ]}""";
        List<OpProfile.Op> ops = OpProfile.selfTimes(Json.mapper().readTree(trace), 2);
        Map<String, OpProfile.Op> byName = ops.stream().collect(Collectors.toMap(OpProfile.Op::name, o -> o));
        assertEquals(3, ops.size());
        assertEquals((10 - 4 - 2) / 1000.0 / 2, byName.get("A").selfMs(), 1e-12);
        assertEquals((4 - 1 + 5) / 1000.0 / 2, byName.get("B").selfMs(), 1e-12);
        assertEquals((1 + 2) / 1000.0 / 2, byName.get("C").selfMs(), 1e-12);
        assertEquals(1.0, byName.get("C").calls(), 1e-12);
        assertEquals("B", ops.get(0).name(), "largest self time first");
    }

    @Test
    void profilesRealEngineWork(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(64, 64));
            Path trace = dir.resolve("t.json");
            List<OpProfile.Op> ops = OpProfile.record(() -> {
                try (NDManager b = m.newSubManager()) {
                    NDArray c = a.matMul(a);
                    c.attach(b);
                    c.sum().attach(b);
                }
            }, 2, trace);
            assertTrue(Files.size(trace) > 0);
            assertTrue(ops.stream().anyMatch(o -> o.name().contains("mm") && o.calls() == 1.0), ops.toString());
            assertTrue(OpProfile.format(ops, 3).contains("operator"));
        }
    }
}
