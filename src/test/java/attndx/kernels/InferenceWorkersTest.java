package attndx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The one-thread workers of data-parallel inference, and how many a runner gets. */
class InferenceWorkersTest {
    @Test
    void everyWorkerHasOneIntraOpThreadAndTheCallerKeepsItsCount() {
        int before = InferenceWorkers.intraOpThreads();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> seen.add(Thread.currentThread().getName() + ":" + InferenceWorkers.intraOpThreads()));
        }
        try (InferenceWorkers workers = new InferenceWorkers(3)) {
            workers.runAll(tasks);
        }
        assertEquals(before, InferenceWorkers.intraOpThreads(), "the caller's intra-op threads");
        for (String s : seen) {
            assertEquals("1", s.substring(s.indexOf(':') + 1), s);
        }
    }

    @Test
    void aFailingTaskFailsTheRunWithItsOwnException() {
        try (InferenceWorkers workers = new InferenceWorkers(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> workers.runAll(List.of(() -> {}, () -> {
                        throw new IllegalArgumentException("slice 2 failed");
                    })));
            assertEquals("slice 2 failed", e.getMessage());
        }
    }

    @Test
    void aRunnerGetsOneWorkerPerThreadAndPerSixteenImagesOnTheCpuKernelsOnly() {
        KernelAssumptions.assumeRuns(KernelComponent.WINOGRAD);
        int threads = InferenceWorkers.intraOpThreads();
        assertEquals(Math.min(threads, 4), InferenceWorkers.count(Device.cpu(), InferenceKernels.ONEDNN, 64));
        assertEquals(1, InferenceWorkers.count(Device.cpu(), InferenceKernels.ONEDNN, 31));
        assertEquals(Math.min(threads, 2), InferenceWorkers.count(Device.cpu(), InferenceKernels.ONEDNN, 32));
        assertEquals(1, InferenceWorkers.count(Device.cpu(), InferenceKernels.DJL, 64));
        assertEquals(1, InferenceWorkers.count(Device.cpu(), InferenceKernels.ONEDNN_BF16, 64));
        assertEquals(1, InferenceWorkers.count(Device.gpu(), InferenceKernels.ONEDNN, 64));
    }

    @Test
    void withoutTheWinogradKernelsThereAreNoWorkers() {
        assumeFalse(KernelSelection.current().uses(KernelComponent.WINOGRAD), "the Winograd kernels run here");
        assertEquals(1, InferenceWorkers.count(Device.cpu(), InferenceKernels.ONEDNN, 64));
    }

    @Test
    void zeroWorkersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InferenceWorkers(0));
        assertEquals("workers must be >= 1, got 0", e.getMessage());
    }
}
