package attndx.serve;

import attndx.core.AttndxException;
import attndx.kernels.ModelRunner;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bounded concurrency for predictions: {@code workers} threads, each task borrowing one of {@code workers}
 * {@link ModelRunner}s (DJL's inference state is not thread-safe, so no runner is ever used by two tasks), and a
 * queue of {@code queue} waiting tasks; a task beyond it is refused at once with 503, so memory stays bounded
 * under overload.
 */
public final class InferencePool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final BlockingQueue<ModelRunner> runners;
    private final int workers;
    private final int queue;

    public InferencePool(DiagnosisService service, int workers, int queue, int batchSize) {
        this.workers = workers;
        this.queue = queue;
        this.runners = new LinkedBlockingQueue<>();
        for (int i = 0; i < workers; i++) {
            runners.add(service.newRunner(batchSize));
        }
        AtomicInteger n = new AtomicInteger();
        // A SynchronousQueue would refuse every task while all workers are busy; queue 0 means exactly that.
        BlockingQueue<Runnable> waiting = queue == 0 ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queue);
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, waiting, r -> {
            Thread t = new Thread(r, "attndx-inference-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code task} with a runner of its own and returns its result; 503 when the queue is full. */
    public <T> T run(Function<ModelRunner, T> task) {
        Future<T> f;
        try {
            f = executor.submit(() -> {
                ModelRunner runner = runners.take();
                try {
                    return task.apply(runner);
                } finally {
                    runners.add(runner);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the server is busy (" + workers + " predictions running, " + queue
                    + " waiting); try again shortly");
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the request was interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ApiException a) {
                throw a;
            }
            if (c instanceof AttndxException a) {
                throw new ApiException(422, a.getMessage(), a);
            }
            throw new IllegalStateException("prediction failed: " + c, c);
        }
    }

    /** Tasks waiting for a worker now. */
    int waiting() {
        return executor.getQueue().size();
    }

    /** Stops the workers (waiting for running tasks) and closes the runners. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runners.forEach(ModelRunner::close);
    }
}
