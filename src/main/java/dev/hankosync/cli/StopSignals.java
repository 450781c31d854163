package dev.hankosync.cli;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns SIGINT and SIGTERM into a polite stop request for the running sync, so it stops between requests and
 * still prints the report of what it wrote. A second signal, or one with no run listening, ends the process
 * the usual way.
 */
public final class StopSignals {

    private final AtomicReference<Runnable> onStop = new AtomicReference<>();
    private volatile int received;

    private StopSignals() {}

    static StopSignals none() {
        return new StopSignals();
    }

    static StopSignals installed() {
        StopSignals signals = new StopSignals();
        signals.handle("INT", ExitCodes.SIGINT);
        signals.handle("TERM", ExitCodes.SIGTERM);
        return signals;
    }

    @SuppressWarnings("restriction")
    private void handle(String name, int exitCode) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                Runnable listener = onStop.get();
                if (listener == null || received != 0) {
                    Runtime.getRuntime().halt(exitCode);
                }
                received = exitCode;
                listener.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Signal not available on this platform: the default behaviour stays.
        }
    }

    /** While a run is active, a signal calls {@code stop} instead of ending the process. */
    void whileRunning(Runnable stop) {
        onStop.set(stop);
    }

    void runEnded() {
        onStop.set(null);
    }

    /** The exit code for the signal received, or 0 when none came. */
    int exitCodeOfSignal() {
        return received;
    }

    /** For tests: behave as if the signal with this exit code arrived. */
    void simulate(int exitCode) {
        received = exitCode;
        Runnable listener = onStop.get();
        if (listener != null) {
            listener.run();
        }
    }
}
