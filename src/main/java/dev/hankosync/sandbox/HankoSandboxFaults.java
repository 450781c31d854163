package dev.hankosync.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's fault knobs and request counters, read by the server threads and set by test threads.
 * Failures and the mid-scan hook count requests from the moment they are set, so a test's own set-up
 * requests do not shift them.
 */
final class HankoSandboxFaults {

    /** A failure to answer instead of the real response. */
    record Failure(int status, String retryAfter) {}

    private volatile Duration latency = Duration.ZERO;

    private int failEvery;
    private Failure failure;
    private int requestsSinceFailureSet;

    private int hookAfter;
    private Runnable hook;
    private int listAnswersSinceHookSet;

    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    void setLatency(Duration value) {
        latency = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    Duration latency() {
        return latency;
    }

    synchronized void failEvery(int n, int status, String retryAfter) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        failEvery = n;
        failure = new Failure(status, retryAfter);
        requestsSinceFailureSet = 0;
    }

    synchronized void clearFailures() {
        failEvery = 0;
        failure = null;
    }

    /** Counts a request towards the failure knob; returns the failure to answer with, or null. */
    synchronized Failure nextFailure() {
        if (failure == null) {
            return null;
        }
        requestsSinceFailureSet++;
        return requestsSinceFailureSet % failEvery == 0 ? failure : null;
    }

    synchronized void afterListAnswers(int k, Runnable action) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        hookAfter = k;
        hook = action;
        listAnswersSinceHookSet = 0;
    }

    /** Counts one successful list answer; returns the hook to run now (once), or null. */
    synchronized Runnable listAnswered() {
        if (hook == null) {
            return null;
        }
        listAnswersSinceHookSet++;
        if (listAnswersSinceHookSet < hookAfter) {
            return null;
        }
        Runnable due = hook;
        hook = null;
        return due;
    }

    void record(String method, String rawPath, String rawRequestUri) {
        total.incrementAndGet();
        perPath.computeIfAbsent(rawPath, p -> new AtomicInteger()).incrementAndGet();
        requestLines.add(method + " " + rawRequestUri);
    }

    int total() {
        return total.get();
    }

    int forPath(String rawPath) {
        AtomicInteger count = perPath.get(rawPath);
        return count == null ? 0 : count.get();
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }
}
