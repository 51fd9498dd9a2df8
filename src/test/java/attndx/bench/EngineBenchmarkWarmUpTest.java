package attndx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.bench.EngineBenchmark.Case;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM warm-up before the first timed case, with a counting stand-in for the workloads. */
class EngineBenchmarkWarmUpTest {
    @Test
    void eachKindRunsOnASmallModelForItsShareAndIsClosed() {
        Map<EngineKind, int[]> calls = new LinkedHashMap<>();
        List<Integer> widths = new ArrayList<>();
        int[] closed = new int[1];
        EngineBenchmark.WorkloadFactory counting = (config, c) -> {
            widths.add(config.baseWidth());
            int[] n = calls.computeIfAbsent(c.kind(), k -> new int[1]);
            return new EngineBenchmark.Workload() {
                @Override
                public void call() {
                    n[0]++;
                }

                @Override
                public void close() {
                    closed[0]++;
                }
            };
        };
        List<String> log = new ArrayList<>();
        List<Case> cases = List.of(new Case(EngineKind.TRAIN, "gap", 28, 64, "ResNet18"),
                new Case(EngineKind.TRAIN, "attn-single", 28, 64, "AttnResNet18"), new Case(EngineKind.INFER, "gap", 28, 64, null));
        long start = System.nanoTime();
        EngineBenchmark.warmUpJvm(cases, counting, 0.2, log::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(EngineKind.TRAIN, EngineKind.INFER), List.copyOf(calls.keySet()), "one workload per kind, in order");
        assertEquals(List.of(16, 16), widths);
        assertEquals(2, closed[0]);
        assertTrue(calls.get(EngineKind.TRAIN)[0] > 1 && calls.get(EngineKind.INFER)[0] > 1);
        assertTrue(seconds >= 0.2, "ran " + seconds + " s");
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("JVM warm-up: "), log.get(0));
    }

    @Test
    void noSecondsMeansNoWarmUp() {
        List<String> log = new ArrayList<>();
        EngineBenchmark.warmUpJvm(List.of(new Case(EngineKind.TRAIN, "gap", 28, 64, null)), (config, c) -> {
            throw new AssertionError("no workload expected");
        }, 0, log::add);
        assertTrue(log.isEmpty());
    }
}
