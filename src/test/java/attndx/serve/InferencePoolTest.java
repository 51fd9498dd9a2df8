package attndx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.kernels.ModelRunner;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded concurrency: one runner per running task, a bounded queue, 503 at once beyond it. */
class InferencePoolTest {
    @TempDir
    Path tmp;

    @Test
    void refusesATaskBeyondTheQueueAndNeverSharesARunner() throws Exception {
        try (DiagnosisService service = DiagnosisService.load(ServeFixtures.model(tmp.resolve("m"), "gap", null, null));
                InferencePool pool = new InferencePool(service, 2, 1, 1)) {
            ExecutorService clients = Executors.newFixedThreadPool(3);
            CountDownLatch started = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Set<ModelRunner> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
            Runnable block = () -> pool.run(r -> {
                seen.add(r);
                started.countDown();
                await(release);
                return r;
            });
            CompletableFuture<Void> a = CompletableFuture.runAsync(block, clients);
            CompletableFuture<Void> b = CompletableFuture.runAsync(block, clients);
            started.await();
            assertEquals(2, seen.size(), "two running tasks hold two different runners");
            CompletableFuture<ModelRunner> queued = CompletableFuture.supplyAsync(() -> pool.run(r -> r), clients);
            while (pool.waiting() < 1) {
                Thread.onSpinWait();
            }
            ApiException busy = assertThrows(ApiException.class, () -> pool.run(r -> r));
            assertEquals(503, busy.status());
            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            release.countDown();
            a.get();
            b.get();
            assertTrue(seen.contains(queued.get()), "the queued task ran on a returned runner");
            assertNotSame(null, pool.run(r -> r), "serving again once the queue drained");
            clients.shutdown();
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
