package dev.hankosync.http;

import java.time.Duration;

/** Waits between retries. Tests pass one that records the durations instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
