package dev.hankosync.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Time spent in each part of a run, summed over threads: with requests in flight at once, a part's total can
 * exceed the wall time. Shows where a slow run spends its time (the report's {@code timings_ms}).
 */
public final class Timings {

    public enum Part { HANKO_READ, TABLE_READ, RECONCILE, WRITE }

    private final Map<Part, AtomicLong> nanos = new LinkedHashMap<>();

    Timings() {
        for (Part part : Part.values()) {
            nanos.put(part, new AtomicLong());
        }
    }

    <T> T time(Part part, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.get(part).addAndGet(System.nanoTime() - start);
        }
    }

    void time(Part part, Runnable work) {
        time(part, () -> {
            work.run();
            return null;
        });
    }

    /** Milliseconds per part, keyed by the part's lower-case name. */
    public Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((part, n) -> out.put(part.name().toLowerCase(java.util.Locale.ROOT), n.get() / 1_000_000));
        return out;
    }
}
