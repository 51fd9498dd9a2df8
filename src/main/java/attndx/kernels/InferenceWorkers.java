package attndx.kernels;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for data-parallel inference on the CPU: each worker runs with one libtorch intra-op thread, and a
 * batch is cut into one slice per worker. With as many workers as the caller has intra-op threads, the cores
 * are used as one multi-threaded forward would use them (measured equal for the blocked kernels), and each
 * worker may use the Winograd kernels ({@link DenseKernels}), which only a one-thread thread gets: at 28x28,
 * batch 64 on the 2-core CPU, ResNet-18 predictions ran at 290-295 images/s this way against 267-270 on one
 * two-thread forward (medians of five processes; README, Performance). Close it to stop the threads.
 */
final class InferenceWorkers implements AutoCloseable {
    /**
     * The fewest images a worker's slice gets; smaller batches use fewer workers. Measured against one
     * two-thread forward (ResNet-18 gap, 28x28): two slices of 32 images 1.13x, of 16 1.04x, of 8 0.95x.
     */
    static final int MIN_SLICE = 16;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;

    /**
     * How many workers a runner uses for batches of {@code batchSize} on {@code device}: one per intra-op
     * thread of the calling thread, at most one per {@link #MIN_SLICE} images, and 1 (no workers) off the CPU
     * and for kernels other than {@link InferenceKernels#ONEDNN} (bf16 and DJL's operators gain nothing), and
     * where {@link KernelSelection} does not run the Winograd kernels (the workers' gain is theirs).
     */
    static int count(Device device, InferenceKernels kernels, int batchSize) {
        if (kernels != InferenceKernels.ONEDNN || !Device.Type.CPU.equals(device.getDeviceType())
                || !KernelSelection.current().uses(KernelComponent.WINOGRAD)) {
            return 1;
        }
        return Math.max(1, Math.min(intraOpThreads(), batchSize / MIN_SLICE));
    }

    /** libtorch's intra-op thread count of the calling thread (loading the engine first if need be). */
    static int intraOpThreads() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }

    /** Starts {@code count} daemon threads, each set to one intra-op thread. */
    InferenceWorkers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + count);
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "attndx-infer-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int callerThreads = intraOpThreads();
        // Each task waits for all the others, so every thread of the pool runs exactly one of them.
        CountDownLatch started = new CountDownLatch(count);
        List<Runnable> setup = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            setup.add(() -> {
                JniUtils.setNumThreads(1);
                // libtorch applies the process-wide count to a thread when something first reads it there;
                // reading it now, while it is 1, keeps this thread at 1 after the restore below.
                int threads = JniUtils.getNumThreads();
                started.countDown();
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (threads != 1) {
                    throw new IllegalStateException("an inference worker got " + threads + " intra-op threads, not 1");
                }
            });
        }
        try {
            runAll(setup);
        } catch (RuntimeException e) {
            this.pool.shutdownNow();
            throw e;
        } finally {
            // libtorch's setter also changes the process-wide default and MKL's count: give them the caller's
            // back. The workers keep their own OpenMP setting of one thread.
            JniUtils.setNumThreads(callerThreads);
        }
    }

    /** Runs every task on the workers and waits for all; rethrows the first failure. */
    void runAll(List<Runnable> tasks) {
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            futures.add(pool.submit(task));
        }
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("inference worker failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for inference workers", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
