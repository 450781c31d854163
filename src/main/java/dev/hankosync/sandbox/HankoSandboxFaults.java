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
 * requests do not shift them. Several failure knobs can be set at once; each counts on its own, and when two are
 * due on the same request the one set first wins.
 */
final class HankoSandboxFaults {

    /** How a faulty request is answered instead of (or on top of) the real response. */
    enum Kind {
        /** Hanko's own error body with the given status. */
        STATUS,
        /** The given status and body verbatim (an HTML page, plain text, malformed JSON...). */
        BODY,
        /** The real answer, but the connection closes half way through its body. */
        BROKEN_BODY
    }

    /**
     * @param kind       what the answer looks like
     * @param status     the status ({@link Kind#STATUS} and {@link Kind#BODY})
     * @param retryAfter a {@code Retry-After} header value, or null
     * @param body       the body for {@link Kind#BODY}
     */
    record Failure(Kind kind, int status, String retryAfter, String body) {}

    private record Rule(int every, Failure failure, AtomicInteger seen) {}

    private volatile Duration latency = Duration.ZERO;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    private volatile boolean totalCountReplaced;
    private volatile String totalCountText;

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

    /** Adds a knob: every {@code n}-th request from now on gets {@code failure}. */
    void failEvery(int n, Failure failure) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        rules.add(new Rule(n, failure, new AtomicInteger()));
    }

    void clearFailures() {
        rules.clear();
    }

    /** Counts a request towards every failure knob; returns the failure to answer with, or null. */
    Failure nextFailure() {
        Failure due = null;
        for (Rule rule : rules) {
            if (rule.seen().incrementAndGet() % rule.every() == 0 && due == null) {
                due = rule.failure();
            }
        }
        return due;
    }

    /** From now on the list sends {@code X-Total-Count: text}, or no such header when {@code text} is null. */
    void replaceTotalCount(String text) {
        totalCountText = text;
        totalCountReplaced = true;
    }

    void restoreTotalCount() {
        totalCountReplaced = false;
        totalCountText = null;
    }

    /** The header value to send instead of the true count, or the true count when no replacement is set. */
    String totalCountHeader(int trueCount) {
        return totalCountReplaced ? totalCountText : Integer.toString(trueCount);
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
