package dev.hankosync.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the one shared OkHttp client behaves.
 *
 * @param connectTimeout time to open a TCP (and TLS) connection
 * @param readTimeout    longest silence while reading a response (also used as the write timeout)
 * @param callTimeout    cap on one whole call <em>including its retries and back-off sleeps</em>; zero means none
 * @param maxRetries     retries after the first try (so at most {@code maxRetries + 1} tries)
 * @param baseBackoff    back-off before the first retry; it doubles on each later one
 * @param maxBackoff     upper bound of any single wait, also for a server's {@code Retry-After}
 * @param userAgent      the {@code User-Agent} header sent with every request
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration baseBackoff,
        Duration maxBackoff,
        String userAgent) {

    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout.isNegative() || readTimeout.isNegative() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        if (baseBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("back-off durations must not be negative");
        }
    }

    /**
     * Defaults for a batch job: 10 s to connect, 60 s of read silence, 10 min per call (which has to cover
     * up to five back-offs of up to 30 s each plus the tries themselves), 5 retries, 500 ms base back-off.
     *
     * @param version the tool's version, for {@code User-Agent: hanko-sync/<version>}
     */
    public static HttpSettings defaults(String version) {
        return new HttpSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                DEFAULT_MAX_RETRIES,
                DEFAULT_BASE_BACKOFF,
                DEFAULT_MAX_BACKOFF,
                "hanko-sync/" + version);
    }

    public HttpSettings withMaxRetries(int retries) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, retries, baseBackoff, maxBackoff, userAgent);
    }

    public HttpSettings withBackoff(Duration base, Duration max) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxRetries, base, max, userAgent);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(connect, read, call, maxRetries, baseBackoff, maxBackoff, userAgent);
    }
}
