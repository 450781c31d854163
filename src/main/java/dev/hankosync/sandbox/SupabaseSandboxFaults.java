package dev.hankosync.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knobs that make the Supabase sandbox misbehave, and counters of what it received. Thread-safe: tests change
 * them while a sync is running.
 */
public final class SupabaseSandboxFaults {

    /**
     * What a failing request gets instead of its answer.
     *
     * @param status            the HTTP status, or 0 to close the connection without any answer
     * @param retryAfterSeconds a {@code Retry-After} value, or null
     * @param body              the body (JSON, plain text or HTML, the content type follows its first character),
     *                          or null for a short JSON message
     * @param afterCommit       whether the request is carried out (and committed) first: the client then cannot
     *                          know that its write happened
     * @param breaksBody        whether the real answer is sent but the connection closes half way through its body
     *                          (status and body are then ignored)
     */
    public record Failure(int status, Integer retryAfterSeconds, String body, boolean afterCommit,
                          boolean breaksBody) {

        public boolean dropsConnection() {
            return status == 0 && !breaksBody;
        }
    }

    /** @param hitsLeft how many more times the rule may fire */
    private record Rule(String method, int every, Failure failure, AtomicInteger seen, AtomicInteger hitsLeft) {}

    private record Hook(String method, int after, Runnable action, AtomicInteger seen, AtomicBoolean done) {}

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    /** Every request waits this long before it is handled. */
    public void setLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** Every {@code every}-th request of {@code method} ("*" for any) from now on fails with {@code status}. */
    public void failEvery(String method, int every, int status) {
        failEvery(method, every, status, null, null);
    }

    /** As {@link #failEvery(String, int, int)}, with a {@code Retry-After} header and a body of your choosing. */
    public void failEvery(String method, int every, int status, Integer retryAfterSeconds, String body) {
        addRule(method, every, new Failure(status, retryAfterSeconds, body, false, false));
    }

    /** Every {@code every}-th request of {@code method} is carried out, then answered with {@code status}. */
    public void failEveryAfterCommit(String method, int every, int status) {
        addRule(method, every, new Failure(status, null, null, true, false));
    }

    /**
     * Every {@code every}-th request of {@code method} is carried out, then answered with {@code status} and this
     * body instead of its own: a write that committed behind an answer the client cannot read (truncated JSON, an
     * HTML page with 200).
     */
    public void answerEveryAfterCommit(String method, int every, int status, String body) {
        addRule(method, every, new Failure(status, null, body, true, false));
    }

    /** Every {@code every}-th request of {@code method} gets its connection closed, before or after it is carried out. */
    public void dropConnectionEvery(String method, int every, boolean afterCommit) {
        addRule(method, every, new Failure(0, null, null, afterCommit, false));
    }

    /**
     * Only the next request of {@code method} gets its connection closed, before or after it is carried out; the ones
     * after it go through (a DELETE retried after a lost answer, say).
     */
    public void dropConnectionOnce(String method, boolean afterCommit) {
        addRule(method, 1, new Failure(0, null, null, afterCommit, false), 1);
    }

    /**
     * Every {@code every}-th request of {@code method} is carried out and its real answer sent, but the connection
     * closes after half of the body, although {@code Content-Length} promised all of it.
     */
    public void breakBodyEvery(String method, int every) {
        addRule(method, every, new Failure(0, null, null, true, true));
    }

    /**
     * Runs {@code action} once, on the server, right before the {@code k}-th request of {@code method} ("*" for any)
     * from now on is carried out: the app's sign-in route inserting a row just before the sync's insert arrives, or
     * a signal arriving while a write is in flight.
     */
    public void beforeRequest(String method, int k, Runnable action) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        hooks.add(new Hook(method.toUpperCase(Locale.ROOT), k, Objects.requireNonNull(action, "action"),
                new AtomicInteger(), new AtomicBoolean()));
    }

    /** Removes every failure rule, hook and the latency; the counters stay. */
    public void clear() {
        rules.clear();
        hooks.clear();
        latency = Duration.ZERO;
    }

    /** Requests received with this method (failed ones included). */
    public int requestCount(String method) {
        AtomicInteger count = counts.get(method.toUpperCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** Requests received, all methods. */
    public int requestCount() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCounters() {
        counts.clear();
    }

    Duration latency() {
        return latency;
    }

    /** Counts the request and returns the failure it must get, or null. */
    Failure onRequest(String method) {
        counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        Failure result = null;
        for (Rule rule : rules) {
            if (rule.method().equals("*") || rule.method().equals(method)) {
                if (rule.seen().incrementAndGet() % rule.every() == 0 && result == null
                        && rule.hitsLeft().getAndDecrement() > 0) {
                    result = rule.failure();
                }
            }
        }
        return result;
    }

    /** Runs the hooks due before this request of {@code method} is carried out. */
    void beforeHandling(String method) {
        for (Hook hook : hooks) {
            if ((hook.method().equals("*") || hook.method().equals(method))
                    && hook.seen().incrementAndGet() == hook.after() && hook.done().compareAndSet(false, true)) {
                hook.action().run();
            }
        }
    }

    private void addRule(String method, int every, Failure failure) {
        addRule(method, every, failure, Integer.MAX_VALUE);
    }

    private void addRule(String method, int every, Failure failure, int hits) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), every, failure, new AtomicInteger(),
                new AtomicInteger(hits)));
    }
}
