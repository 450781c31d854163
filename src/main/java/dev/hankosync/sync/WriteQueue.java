package dev.hankosync.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs writes on a pool with at most {@code concurrency} in flight, so reading and reconciling go on while earlier
 * batches are written. The first failure stops the queue: later submissions rethrow it instead of writing.
 */
final class WriteQueue {

    private final ExecutorService pool;
    private final int concurrency;
    private final Semaphore slots;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    WriteQueue(ExecutorService pool, int concurrency) {
        this.pool = pool;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
    }

    /** Waits for a free slot, then runs {@code write} in the background. */
    void submit(Runnable write) {
        rethrowFailure();
        acquire(1);
        try {
            pool.execute(() -> {
                try {
                    if (failure.get() == null) {
                        write.run();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Waits until every submitted write has ended, then rethrows the first failure, if any. */
    void awaitAll() {
        acquire(concurrency);
        slots.release(concurrency);
        rethrowFailure();
    }

    /**
     * Waits until every submitted write has ended, whatever happened to them: a run that stops still reports each
     * write that landed, so its in-flight writes must finish (they stop at their next request) before the report
     * is closed.
     */
    void drain() {
        slots.acquireUninterruptibly(concurrency);
        slots.release(concurrency);
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void acquire(int permits) {
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for writes", e);
        }
    }
}
