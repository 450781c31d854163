package dev.hankosync.sync;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Waiting on the requests the sync runs in the background. */
final class Futures {

    private Futures() {}

    /**
     * The future's value; the request's own failure ({@code ApiException} and the like) is rethrown as it is, so
     * callers see what the request saw.
     *
     * @param onInterrupt what to throw when the waiting thread is interrupted
     */
    static <T> T await(Future<T> future, Supplier<RuntimeException> onInterrupt) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onInterrupt.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
