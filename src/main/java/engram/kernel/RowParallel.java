package engram.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the rows of a dense product over the machine's cores with persistent helper threads (no thread creation or
 * task objects per step). The caller takes the first block of rows and each helper one further block; block ends are
 * multiples of 4, the kernels' row-block size, so every row is computed by the same instructions whatever the
 * split: results are bit-identical to the single-threaded product for any core count. A helper spins briefly after
 * each block (back-to-back steps of a simulation find it awake, about a microsecond to hand off) and then parks.
 * <p>
 * Used only where it pays: from {@link #MIN_ROWS} rows, on a machine with two or more cores, by one caller at a time,
 * and not from inside a parallel stream (trials already running side by side keep their cores).
 */
public final class RowParallel {

    /**
     * The smallest n x n product split over cores. Measured on the 2-core reference machine (SIMD kernels, best of
     * four runs, microseconds per product, single thread / split): n = 192: 2.2 / 2.2 (not split); 256: 5.1 / 2.7;
     * 384: 13.1 / 6.0; 512: 24.8 / 11.3; 1024: 88.9 / 50.3; 2000: 893 / 439 (276 with transparent huge pages).
     */
    public static final int MIN_ROWS = 256;

    /** A block of rows [from, to) of some product. */
    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
    }

    private static final int SPINS = 1 << 15;
    private static final Worker[] WORKERS = start(Math.max(0, Math.min(7, Runtime.getRuntime().availableProcessors() - 1)));
    private static final AtomicBoolean BUSY = new AtomicBoolean();

    private RowParallel() {
    }

    /** Rows [0, n) of {@code task}, split over the cores when that pays. */
    public static void run(int n, Rows task) {
        run(n, MIN_ROWS, task);
    }

    /**
     * Items [0, n) of {@code task}, split over the cores from {@code minItems} items; block ends are multiples of 4
     * (items of a row-blocked product) when n allows.
     */
    public static void run(int n, int minItems, Rows task) {
        int parts = WORKERS.length + 1;
        if (parts < 2 || n < Math.max(2, minItems) || Thread.currentThread() instanceof ForkJoinWorkerThread
                || ForkJoinPool.commonPool().getActiveThreadCount() > 0 || !BUSY.compareAndSet(false, true)) {
            task.run(0, n);
            return;
        }
        try {
            int block = n / parts >= 4 ? (n / parts) & ~3 : n / parts;
            for (int k = 0; k < WORKERS.length; k++) {
                int from = block * (k + 1), to = k == WORKERS.length - 1 ? n : block * (k + 2);
                WORKERS[k].submit(task, from, to);
            }
            task.run(0, block);
            RuntimeException failure = null;
            for (Worker w : WORKERS) {
                Throwable t = w.await();
                if (t != null && failure == null) {
                    failure = t instanceof RuntimeException re ? re : new IllegalStateException(t);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            BUSY.set(false);
        }
    }

    /** Whether products are split on this machine (two or more cores). */
    public static boolean available() {
        return WORKERS.length > 0;
    }

    private static Worker[] start(int count) {
        Worker[] w = new Worker[count];
        for (int k = 0; k < count; k++) {
            w[k] = new Worker(k);
            w[k].start();
        }
        return w;
    }

    private static final class Worker extends Thread {
        private volatile Rows task;
        private volatile boolean done = true;
        private int from;
        private int to;
        private Throwable failure;

        Worker(int k) {
            super("engram-rows-" + k);
            setDaemon(true);
        }

        void submit(Rows t, int from, int to) {
            this.from = from;
            this.to = to;
            this.failure = null;
            this.done = false;
            this.task = t; // the volatile write publishes the fields above
            LockSupport.unpark(this);
        }

        Throwable await() {
            while (!done) {
                Thread.onSpinWait();
            }
            return failure;
        }

        @Override public void run() {
            while (true) {
                serveOne();
            }
        }

        /** Waits for the next block (spinning, then parked) and runs it. */
        private void serveOne() {
            Rows t;
            int spins = 0;
            while ((t = task) == null) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            try {
                t.run(from, to);
            } catch (Throwable e) {
                failure = e;
            }
            task = null;
            done = true;
        }
    }
}
