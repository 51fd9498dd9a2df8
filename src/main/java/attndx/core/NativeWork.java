package attndx.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a process exit wait for the libtorch work in progress. On SIGTERM or Ctrl-C the JVM runs its shutdown hooks
 * and then the C++ static destructors, libtorch's autograd engine among them, while other threads may still be
 * inside libtorch: a training thread in a backward pass then calls through freed objects and the JVM dies with
 * SIGSEGV and an hs_err file instead of exiting (2 of 6 SIGTERMs sent to {@code attndx train} did,
 * docs/training.md). Work run between {@link #enter} and {@link Pass#close} finishes before the exit goes on (for
 * at most {@link #EXIT_WAIT_SECONDS}), and none starts after: a thread that asks blocks until the process is gone.
 * Take a pass per batch at the outermost level of a thread, {@code try (NativeWork.Pass p = NativeWork.enter())};
 * nesting in the same thread is fine, but a thread holding a pass must not wait for another thread's pass.
 */
public final class NativeWork {
    /** How long an exit waits for the work in progress before it goes on regardless. */
    public static final long EXIT_WAIT_SECONDS = 30;

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static final Pass PASS = () -> LOCK.readLock().unlock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NativeWork::holdForExit, "attndx-native-exit"));
    }

    private NativeWork() {}

    /** Waits while an exit is under way (forever, since the process ends), then lets this thread into libtorch. */
    public static Pass enter() {
        LOCK.readLock().lock();
        return PASS;
    }

    private static void holdForExit() {
        if (LOCK.writeLock().tryLock()) {
            return;
        }
        System.err.println("attndx: stopping after the batch in progress");
        try {
            if (!LOCK.writeLock().tryLock(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("attndx: exiting while libtorch work still runs (waited " + EXIT_WAIT_SECONDS
                        + " s for it)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Permission to run libtorch work; closing it lets a waiting exit go on. */
    @FunctionalInterface
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
