package dev.hankosync.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Retries idempotent requests on throttling, gateway errors and broken connections, with exponential back-off
 * and full jitter, honouring {@code Retry-After}. After the last try it hands back the last response (or rethrows
 * the last IOException) so the caller can describe the failure.
 *
 * <p>A POST is retried only when tagged {@link Idempotent#YES}: a plain insert that reached the server but whose
 * answer was lost would otherwise be written twice.
 *
 * <p>The successful answer to a retryable request is read to its end here, inside the retry loop: a connection that
 * breaks in the middle of a body then costs one more try instead of the whole run. The caller reads the body from
 * memory. A body that breaks on the last try becomes a {@link BodyBrokeOffException}.
 */
public final class RetryInterceptor implements Interceptor {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "PATCH");

    /** 520 and 544 are Cloudflare's "unknown error" and a Supabase gateway timeout; both are transient. */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504, 520, 544);

    /**
     * Bodies are buffered up to this size (a page of 1000 Hanko users is about 1 MiB); anything longer streams on
     * unretried, so a runaway answer cannot exhaust memory.
     */
    static final long BUFFER_LIMIT = 64L * 1024 * 1024;

    private final int maxRetries;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;
    private final Consumer<String> notices;

    /**
     * @param sleeper waits between tries
     * @param random  numbers in [0, 1) for the jitter
     * @param clock   "now", for {@code Retry-After} given as an HTTP date
     * @param notices receives one line per retry (method, path, reason, wait); never header values
     */
    public RetryInterceptor(int maxRetries, Duration baseBackoff, Duration maxBackoff,
                            Sleeper sleeper, DoubleSupplier random, Clock clock, Consumer<String> notices) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.baseBackoff = Objects.requireNonNull(baseBackoff, "baseBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notices = notices == null ? line -> { } : notices;
    }

    /** Real sleeping, real randomness, the system clock, no notices. */
    public RetryInterceptor(HttpSettings settings) {
        this(settings, Sleeper.REAL, null);
    }

    public RetryInterceptor(HttpSettings settings, Sleeper sleeper, Consumer<String> notices) {
        this(settings.maxRetries(), settings.baseBackoff(), settings.maxBackoff(), sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC(), notices);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean retryable = isIdempotent(request);
        for (int retry = 0; ; retry++) {
            boolean lastTry = !retryable || retry >= maxRetries;
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (lastTry || !isTransient(e) || chain.call().isCanceled()) {
                    throw e;
                }
                Duration wait = backoff(retry);
                notice(request, e.getClass().getSimpleName(), wait, retry);
                pause(wait);
                continue;
            }
            if (retryable && response.isSuccessful()) {
                try {
                    readWholeBody(response);
                    return response;
                } catch (IOException e) {
                    response.close();
                    if (lastTry || !isTransient(e) || chain.call().isCanceled()) {
                        throw new BodyBrokeOffException(response.code(), e);
                    }
                    Duration wait = backoff(retry);
                    notice(request, "a broken " + response.code() + " body", wait, retry);
                    pause(wait);
                    continue;
                }
            }
            if (lastTry || !RETRYABLE_STATUSES.contains(response.code())) {
                return response;
            }
            Duration wait = retryAfter(response.header("Retry-After"));
            if (wait == null) {
                wait = backoff(retry);
            }
            notice(request, "status " + response.code(), wait, retry);
            response.close();
            pause(wait);
            if (chain.call().isCanceled()) {
                throw new IOException("Canceled");
            }
        }
    }

    /** Pulls the body into the response's own buffer, where the caller's reads then find it. */
    private static void readWholeBody(Response response) throws IOException {
        response.body().source().request(BUFFER_LIMIT);
    }

    static boolean isIdempotent(Request request) {
        if (request.tag(Idempotent.class) == Idempotent.YES) {
            return true;
        }
        RequestBody body = request.body();
        // a one-shot body cannot be sent a second time, whatever the method says
        if (body != null && body.isOneShot()) {
            return false;
        }
        return IDEMPOTENT_METHODS.contains(request.method());
    }

    /** Unknown hosts and untrusted certificates are configuration errors: retrying only delays the message. */
    private static boolean isTransient(IOException e) {
        if (e instanceof UnknownHostException || e instanceof SSLPeerUnverifiedException) {
            return false;
        }
        if (e instanceof SSLHandshakeException) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof CertificateException) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Full jitter: uniformly between zero and min(max, base * 2^retry). */
    Duration backoff(int retry) {
        long base = baseBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long ceiling = retry >= 62 || base << retry >>> retry != base ? cap : Math.min(cap, base << retry);
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    /** {@code Retry-After} as delta-seconds or HTTP date, capped at the max back-off; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            wait = value.length() > 9 ? maxBackoff : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private void notice(Request request, String reason, Duration wait, int retry) {
        notices.accept("retrying " + request.method() + " " + request.url().encodedPath() + " after " + reason
                + " in " + wait.toMillis() + " ms (retry " + (retry + 1) + " of " + maxRetries + ")");
    }

    private void pause(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
